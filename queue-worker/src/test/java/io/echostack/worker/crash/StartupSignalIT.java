package io.echostack.worker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged worker SIGTERMed while it is still starting (Quarkus booting, Flyway and Redis not yet reached) exits 0
 * as a running one does, and takes no job: the stop signal handler is installed before anything else.
 */
class StartupSignalIT {
    private static final String READY = "laravel_database_queues:startup-signal";

    @Test
    void aWorkerStoppedDuringStartUpExitsZeroWithoutTakingAJob() throws Exception {
        assertThat(WorkerProcess.JAR).as("run after package").exists();
        RedisClient client = RedisClient.create(TestRedis.get().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.del(READY, READY + ":reserved", READY + ":notify");
            ObjectNode data = Json.mapper().createObjectNode().put("n", 1);
            redis.rpush(READY, new BroadcastJob(List.of("room"), "e", data, null).toEnvelope(Instant.now()).toJson());
            Path log = Files.createDirectories(Path.of("target", "startup-signal-it")).resolve("worker.log");

            Map<String, String> env = WorkerProcess.onTestServers(Map.of("QUARKUS_HTTP_PORT", "0"));
            WorkerProcess worker = WorkerProcess.start(env, log, "queue:work", "--queue=startup-signal");
            assertThat(worker.awaitFirstOutput(Duration.ofSeconds(60))).as("worker wrote its first line").isTrue();
            assertThat(worker.log()).as("still starting").doesNotContain("Processing jobs from");

            assertThat(worker.terminate(Duration.ofSeconds(60))).as("exit status: %s", worker.log()).isZero();
            assertThat(redis.llen(READY)).as("the job is still waiting").isEqualTo(1);
            assertThat(redis.zcard(READY + ":reserved")).isZero();
            redis.del(READY, READY + ":notify");
        } finally {
            client.shutdown();
        }
    }
}
