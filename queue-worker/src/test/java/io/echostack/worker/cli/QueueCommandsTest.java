package io.echostack.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import io.echostack.worker.ServersResource;
import io.echostack.worker.failed.FailedJob;
import io.echostack.worker.failed.FailedJobStore;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The artisan-like commands run in the app against the real PostgreSQL failed_jobs and the real Redis queues. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class QueueCommandsTest {
    private static final String NOT_JSON = "this is not a job {";

    @Inject
    PicocliCommandLineFactory commands;
    @Inject
    FailedJobStore store;
    @Inject
    RedisQueue queue;
    @Inject
    DataSource dataSource;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM failed_jobs");
        }
        List.of("default", "emails", "high").forEach(queue::clear);
    }

    @Test
    void failedListsEachJobWithItsClassAndReason() {
        assertThat(run("queue:failed")).isZero();
        assertThat(out.toString()).isEqualTo("No failed jobs!\n"); // Laravel 8's line

        String older = fail("default", job(1, 3), new IllegalStateException("Redis connection lost"));
        String newer = fail("high", job(2, 1), new IllegalStateException("boom"));

        assertThat(run("queue:failed")).isZero();
        assertThat(out.toString()).contains("| ID ", "| Class ", older, "| redis ", "| default ", "backend_poster",
                "java.lang.IllegalStateException: Redis connection lost");
        assertThat(out.toString().indexOf(newer)).as("newest first, as Laravel lists them")
                .isLessThan(out.toString().indexOf(older));
    }

    @Test
    void retryPushesTheJobBackOntoItsOwnQueueWithAttemptsReset() throws Exception {
        String first = fail("emails", job(1, 3), new IllegalStateException("boom"));
        fail("default", job(2, 1), new IllegalStateException("boom"));

        assertThat(run("queue:retry", first)).isZero();

        assertThat(out.toString()).contains("The failed job [" + first + "] has been pushed back onto the queue!");
        assertThat(store.find(first)).isEmpty();
        ReservedJob retried = queue.pop("emails", 90).orElseThrow();
        assertThat(Json.mapper().readTree(retried.raw()).path("attempts").asInt()).isZero();
        assertThat(Json.mapper().readTree(retried.raw()).path("uuid").asText()).isEqualTo(first);
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void restartSetsLaravelsRestartSignalToNow() {
        long before = Instant.now().getEpochSecond();

        assertThat(run("queue:restart")).isZero();

        assertThat(out.toString()).contains("Broadcasting queue restart signal.");
        assertThat(Long.parseLong(queue.restartSignal().orElseThrow()))
                .isBetween(before, Instant.now().getEpochSecond());
    }

    @Test
    void retryAllAndByQueueAndUnknownIds() {
        fail("default", job(1, 1), new IllegalStateException("boom"));
        fail("high", job(2, 1), new IllegalStateException("boom"));
        fail("high", job(3, 1), new IllegalStateException("boom"));

        assertThat(run("queue:retry", "--queue=high")).isZero();
        assertThat(queue.stats("high").pending()).isEqualTo(2);
        assertThat(run("queue:retry", "all")).isZero();
        assertThat(queue.stats("default").pending()).isEqualTo(1);
        assertThat(store.all()).isEmpty();

        assertThat(run("queue:retry", "no-such-id")).isEqualTo(1);
        assertThat(err.toString()).contains("Unable to find failed job with ID [no-such-id].");
        assertThat(run("queue:retry", "--queue=emails")).isZero();
        assertThat(err.toString()).contains("Unable to find failed jobs for queue [emails]."); // Laravel 8's line
    }

    @Test
    void retryTakesLaravelsRangesOfRowIds() {
        fail("default", job(1, 1), new IllegalStateException("boom"));
        fail("default", job(2, 1), new IllegalStateException("boom"));
        String third = fail("default", job(3, 1), new IllegalStateException("boom"));
        long firstId = store.all().get(0).id();

        assertThat(run("queue:retry", "--range=" + firstId + "-" + (firstId + 1), "--range=junk")).isZero();

        assertThat(queue.stats("default").pending()).isEqualTo(2);
        assertThat(store.all()).extracting(FailedJob::uuid).containsExactly(third);
    }

    @Test
    void retryRefusesAPayloadThatIsNotJsonAndKeepsIt() {
        String uuid = fail("default", NOT_JSON, new IllegalStateException("not JSON"));

        assertThat(run("queue:retry", uuid)).isEqualTo(1);

        assertThat(err.toString()).contains("cannot be retried: its payload is not a JSON object");
        assertThat(store.find(uuid)).isPresent();
        assertThat(queue.stats("default").pending()).isZero();
    }

    @Test
    void forgetDeletesOneByUuidOrRowId() {
        String uuid = fail("default", job(1, 1), new IllegalStateException("boom"));
        fail("default", job(2, 1), new IllegalStateException("boom"));
        long rowId = store.all().get(1).id();

        assertThat(run("queue:forget", uuid)).isZero();
        assertThat(run("queue:forget", Long.toString(rowId))).isZero();
        assertThat(out.toString()).contains("Failed job deleted successfully!");
        assertThat(store.all()).isEmpty();
        assertThat(run("queue:forget", uuid)).isEqualTo(1);
        assertThat(err.toString()).contains("No failed job matches the given ID.");
    }

    @Test
    void flushDeletesAllOrOnlyThoseOlderThanHours() throws Exception {
        String old = fail("default", job(1, 1), new IllegalStateException("boom"));
        String recent = fail("default", job(2, 1), new IllegalStateException("boom"));
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("UPDATE failed_jobs SET failed_at = CURRENT_TIMESTAMP - INTERVAL '3 hours' WHERE uuid = '"
                    + old + "'");
        }

        assertThat(run("queue:flush", "--hours=2")).isZero();
        assertThat(store.all()).extracting(FailedJob::uuid).containsExactly(recent);
        out.getBuffer().setLength(0);
        assertThat(run("queue:flush")).isZero();
        assertThat(store.all()).isEmpty();
        assertThat(out.toString()).isEqualTo("All failed jobs deleted successfully!\n"); // Laravel 8's line
    }

    @Test
    void clearEmptiesOneQueue() {
        queue.push("emails", job(1, 0));
        queue.later("emails", 60, job(2, 0));
        queue.push("default", job(3, 0));

        assertThat(run("queue:clear", "redis", "--queue=emails", "--force")).as("Laravel's command line").isZero();

        assertThat(out.toString()).contains("Cleared 2 jobs from the [emails] queue");
        assertThat(queue.size("emails")).isZero();
        assertThat(queue.size("default")).isEqualTo(1);
        assertThat(run("queue:clear", "sqs", "--queue=emails")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown queue connection [sqs]");
    }

    @Test
    void monitorShowsPendingDelayedReservedAndTheOldestAge() {
        queue.push("high", job(1, 0));
        queue.push("high", job(2, 0));
        queue.pop("high", 90).orElseThrow();
        queue.later("high", 60, job(3, 0));

        assertThat(run("queue:monitor", "redis:high,default", "--max=3")).isZero();

        assertThat(out.toString()).containsPattern("\\| \\[redis] high +\\| 1 +\\| 1 +\\| 1 +\\| \\d+ s +\\| ALERT +\\|");
        assertThat(out.toString()).containsPattern("\\| \\[redis] default +\\| 0 +\\| 0 +\\| 0 +\\| - +\\| OK +\\|");
    }

    private int run(String... args) {
        CommandLine line = commands.create();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private String fail(String queueName, String payload, Throwable error) {
        store.record("redis", queueName, payload, error);
        List<FailedJob> all = store.all();
        return all.get(all.size() - 1).uuid();
    }

    private static String job(int n, int attempts) {
        var data = Json.mapper().createObjectNode().put("n", n);
        var envelope = new BroadcastJob(List.of("poster_room"), "backend_poster", data, null).toEnvelope(Instant.now());
        envelope.attempts = attempts;
        return envelope.toJson();
    }
}
