package io.echostack.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.testsupport.TestRedis;
import io.echostack.worker.ServersResource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real entry point: {@code artisan queue:work --stop-when-empty} drains the queue and exits 0. */
@QuarkusMainTest
@QuarkusTestResource(ServersResource.class)
class WorkCommandTest {
    private static final String READY = "laravel_database_queues:cli";

    @Test
    void drainsTheQueueAndExits(QuarkusMainLauncher launcher) {
        RedisClient client = RedisClient.create(TestRedis.get().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.del(READY, READY + ":notify", READY + ":reserved");
            ObjectNode data = Json.mapper().createObjectNode().put("n", 1);
            redis.rpush(READY, new BroadcastJob(List.of("poster_room"), "backend_poster", data, null)
                    .toEnvelope(Instant.now()).toJson());

            LaunchResult result = launcher.launch("queue:work", "--queue=cli", "--stop-when-empty", "--sleep=0.1");

            assertThat(result.exitCode()).isZero();
            assertThat(redis.llen(READY)).isZero();
            assertThat(redis.zcard(READY + ":reserved")).isZero();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void onceRunsTheNextJobOnlyAndExits(QuarkusMainLauncher launcher) {
        String ready = "laravel_database_queues:cli-once";
        RedisClient client = RedisClient.create(TestRedis.get().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.del(ready, ready + ":notify", ready + ":reserved");
            ObjectNode data = Json.mapper().createObjectNode().put("n", 1);
            for (int i = 0; i < 3; i++) {
                redis.rpush(ready, new BroadcastJob(List.of("poster_room"), "backend_poster", data, null)
                        .toEnvelope(Instant.now()).toJson());
            }

            LaunchResult result = launcher.launch("queue:work", "--queue=cli-once", "--once", "--concurrency=4");

            assertThat(result.exitCode()).isZero();
            assertThat(redis.llen(ready)).as("the two later jobs wait").isEqualTo(2);
            assertThat(redis.zcard(ready + ":reserved")).isZero();
        } finally {
            client.shutdown();
        }
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
