package io.echostack.worker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Laravel's SIGUSR2 (pause) and SIGCONT (resume), as Horizon-style tools send them, on the packaged worker: paused it
 * takes no job, resumed it does, and it still stops with exit 0. (Left to the JVM, SIGUSR2 crashed it: exit 134.)
 */
class PauseSignalIT {
    private static final String READY = "laravel_database_queues:pause-signal";

    @Test
    void pausesOnSigusr2AndResumesOnSigcont() throws Exception {
        assertThat(WorkerProcess.JAR).as("run after package").exists();
        RedisClient client = RedisClient.create(TestRedis.get().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.del(READY, READY + ":reserved", READY + ":notify");
            Path log = Files.createDirectories(Path.of("target", "pause-signal-it")).resolve("worker.log");
            Map<String, String> env = WorkerProcess.onTestServers(Map.of("QUARKUS_HTTP_PORT", "0"));
            WorkerProcess worker = WorkerProcess.start(env, log, "queue:work", "--queue=pause-signal", "--sleep=0.2");
            assertThat(worker.awaitWorking(Duration.ofSeconds(60))).as("worker started: %s", worker.log()).isTrue();

            worker.signal("USR2");
            Thread.sleep(1500); // the consumer's wait on the queue (block_for 1 s) ends first
            ObjectNode data = Json.mapper().createObjectNode().put("n", 1);
            redis.rpush(READY, new BroadcastJob(List.of("room"), "e", data, null).toEnvelope(Instant.now()).toJson());
            Thread.sleep(2500);
            assertThat(worker.isAlive()).as("alive after SIGUSR2: %s", worker.log()).isTrue();
            assertThat(redis.llen(READY)).as("paused: the job waits").isEqualTo(1);

            worker.signal("CONT");
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.llen(READY) == 0 && redis.zcard(READY + ":reserved") == 0);
            assertThat(worker.terminate(Duration.ofSeconds(60))).as("exit status: %s", worker.log()).isZero();
        } finally {
            client.shutdown();
        }
    }
}
