package io.echostack.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.JobEnvelope;
import io.echostack.testsupport.TestRedis;
import io.echostack.worker.ServersResource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real entry point: {@code artisan queue:work --stop-when-empty} drains the queue and exits 0. */
@QuarkusMainTest
@QuarkusTestResource(ServersResource.class)
class WorkCommandTest {
    private static final String READY = "laravel_database_queues:cli";
    private RedisClient client;
    private RedisCommands<String, String> redis;

    @BeforeEach
    void connect() {
        client = RedisClient.create(TestRedis.get().url());
        redis = client.connect().sync();
    }

    @AfterEach
    void disconnect() {
        client.shutdown();
    }

    @Test
    void drainsTheQueueAndExits(QuarkusMainLauncher launcher) {
        emptyQueueWithJobs(READY, 1);

        LaunchResult result = launcher.launch("queue:work", "--queue=cli", "--stop-when-empty", "--sleep=0.1");

        assertThat(result.exitCode()).isZero();
        assertThat(redis.llen(READY)).isZero();
        assertThat(redis.zcard(READY + ":reserved")).isZero();
    }

    @Test
    void onceRunsTheNextJobOnlyAndExits(QuarkusMainLauncher launcher) {
        String ready = "laravel_database_queues:cli-once";
        emptyQueueWithJobs(ready, 3);

        LaunchResult result = launcher.launch("queue:work", "--queue=cli-once", "--once", "--concurrency=4");

        assertThat(result.exitCode()).isZero();
        assertThat(redis.llen(ready)).as("the two later jobs wait").isEqualTo(2);
        assertThat(redis.zcard(ready + ":reserved")).isZero();
    }

    @Test
    void takesLaravelsCommandLineAndPrintsLaravelsLinePerJob(QuarkusMainLauncher launcher) {
        String ready = "laravel_database_queues:cli-laravel";
        JobEnvelope job = emptyQueueWithJobs(ready, 1).get(0);

        // a supervisor's Laravel command line, unchanged
        LaunchResult result = launcher.launch("queue:work", "redis", "--queue=cli-laravel", "--stop-when-empty",
                "--sleep=0.1", "--tries=3", "--delay=0", "--force", "--daemon", "--name=default");

        assertThat(result.exitCode()).isZero();
        assertThat(redis.llen(ready)).isZero();
        assertThat(result.getOutput())
                .containsPattern("(?m)^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d]\\[" + job.id
                        + "] Processing: backend_poster$")
                .containsPattern("(?m)^\\[[-0-9 :]{19}]\\[" + job.id + "] Processed:  backend_poster$");

        redis.rpush(ready, job.toJson());
        LaunchResult quiet = launcher.launch("queue:work", "redis", "--queue=cli-laravel", "--stop-when-empty",
                "--quiet");
        assertThat(quiet.exitCode()).isZero();
        assertThat(redis.llen(ready)).isZero();
        assertThat(quiet.getOutput()).doesNotContain("Processing:", "Processed:");
    }

    /** Clears the queue {@code ready} (and its notify list and reservations), then pushes {@code count} broadcasts. */
    private List<JobEnvelope> emptyQueueWithJobs(String ready, int count) {
        redis.del(ready, ready + ":notify", ready + ":reserved");
        ObjectNode data = Json.mapper().createObjectNode().put("n", 1);
        List<JobEnvelope> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JobEnvelope job = new BroadcastJob(List.of("poster_room"), "backend_poster", data, null)
                    .toEnvelope(Instant.now());
            redis.rpush(ready, job.toJson());
            jobs.add(job);
        }
        return jobs;
    }

    @Test
    void refusesAnotherConnection(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("queue:work", "sqs", "--queue=cli-sqs");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("unknown queue connection [sqs]");
    }

    @Test
    void exitsWithStatus12WhenTheHeapReachesMemory(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("queue:work", "--queue=cli-memory", "--memory=1", "--sleep=0.1");

        assertThat(result.exitCode()).isEqualTo(12);
    }

    @Test
    void refusesABadOptionWithAClearMessage(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("queue:work", "--backoff=1,x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("--backoff must be seconds or a list such as 1,5,10");
    }
}
