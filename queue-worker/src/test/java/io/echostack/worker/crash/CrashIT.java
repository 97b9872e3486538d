package io.echostack.worker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.testsupport.TestPostgres;
import io.echostack.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once under SIGKILL: 10,000 jobs are pushed, 2,000 while each packaged worker runs, and each worker is
 * killed 1–3 s after it starts taking jobs, then started again. In the end every job was published, duplicates stay within what the killed workers held, no job
 * failed and the queue's keys are gone. The last worker gets SIGTERM and must exit 0.
 */
class CrashIT {
    private static final int JOBS = 10_000;
    /** Jobs pushed while each worker runs: at least four kills happen while jobs are still arriving. */
    private static final int SLICE = 2_000;
    private static final int CONCURRENCY = 4;
    private static final String QUEUE = "crash";
    private static final String READY = "laravel_database_queues:" + QUEUE;
    private static final Duration BUDGET = Duration.ofMinutes(4);

    private final Map<Integer, AtomicInteger> published = new ConcurrentHashMap<>();
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private StatefulRedisPubSubConnection<String, String> subscriber;
    private RedisCommands<String, String> redis;
    private WorkerProcess worker;

    @BeforeEach
    void setUp() throws Exception {
        client = RedisClient.create(TestRedis.get().url());
        connection = client.connect();
        redis = connection.sync();
        redis.del(READY, READY + ":delayed", READY + ":reserved", READY + ":notify");
        subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    int n = Json.mapper().readTree(message).path("data").path("n").asInt();
                    published.computeIfAbsent(n, key -> new AtomicInteger()).incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        subscriber.sync().subscribe("laravel_database_crash_room");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (worker != null && worker.isAlive()) {
            worker.kill();
        }
        subscriber.close();
        connection.close();
        client.shutdown();
    }

    @Test
    void noJobIsLostWhenTheWorkerIsKilledAgainAndAgain() throws Exception {
        assertThat(WorkerProcess.JAR).as("run after package").exists();
        Path logs = Files.createDirectories(Path.of("target", "crash-it"));
        long deadline = System.nanoTime() + BUDGET.toNanos();

        int kills = 0;
        int starts = 0;
        int nextJob = 1;
        while ((published.size() < JOBS || nextJob <= JOBS) && System.nanoTime() < deadline) {
            worker = startWorker(logs.resolve("worker-" + ++starts + ".log"));
            assertThat(worker.awaitWorking(Duration.ofSeconds(60))).as("worker %d started: %s", starts, worker.log())
                    .isTrue();
            // the next slice of jobs arrives while this worker runs, so the kill hits a busy worker whatever the
            // machine's speed (a time-paced producer let an idle machine's worker drain everything in two kills)
            nextJob = produce(nextJob, ThreadLocalRandom.current().nextLong(1000, 3000));
            assertThat(worker.isAlive()).as("worker %d exited on its own: %s", starts, worker.log()).isTrue();
            if (published.size() < JOBS || nextJob <= JOBS) {
                worker.kill();
                kills++;
            }
            System.out.printf("CrashIT: %d starts, %d kills, %d/%d jobs published, ready %d, reserved %d, delayed %d%n",
                    starts, kills, published.size(), JOBS, redis.llen(READY), redis.zcard(READY + ":reserved"),
                    redis.zcard(READY + ":delayed"));
        }
        if (!worker.isAlive()) {
            worker = startWorker(logs.resolve("worker-" + ++starts + ".log"));
        }
        awaitQueueKeysGone(deadline); // the killed workers' reservations expire (retry_after 3 s) and run again

        assertThat(published.keySet()).as("every job published at least once").hasSize(JOBS);
        // the graceful drain is a running worker's (StartupSignalIT covers a stop during start-up)
        assertThat(worker.awaitWorking(Duration.ofSeconds(60))).as("last worker started: %s", worker.log()).isTrue();
        // several Redis connections (4 consumers) once made Quarkus's Vert.x client metrics warn at start
        assertThat(worker.log()).as("worker log").doesNotContain("has been already registered");
        assertThat(worker.terminate(Duration.ofSeconds(30))).as("exit status after SIGTERM").isZero();
        int duplicates = published.values().stream().mapToInt(count -> count.get() - 1).sum();
        assertThat(kills).as("kills").isGreaterThanOrEqualTo(3);
        assertThat(duplicates).as("duplicates after %d kills", kills).isLessThanOrEqualTo(kills * CONCURRENCY);
        assertThat(failedJobs()).isZero();
        assertThat(redis.exists(READY, READY + ":delayed", READY + ":reserved", READY + ":notify")).isZero();
    }

    private WorkerProcess startWorker(Path log) throws Exception {
        Map<String, String> env = WorkerProcess.onTestServers(Map.of(
                "QUARKUS_HTTP_PORT", "0",
                "ECHO_WORKER_RETRY_AFTER", "3"));
        return WorkerProcess.start(env, log, "queue:work", "--queue=" + QUEUE, "--concurrency=" + CONCURRENCY,
                "--tries=0", "--timeout=2");
    }

    /**
     * Pushes the next {@link #SLICE} jobs from {@code first} over {@code millis} (as push.lua does: payload, then a
     * notify token), in bursts of 250; returns the first job not pushed yet.
     */
    private int produce(int first, long millis) throws InterruptedException {
        int end = Math.min(JOBS + 1, first + SLICE);
        int bursts = Math.max(1, (end - first + 249) / 250);
        for (int from = first; from < end; from += 250) {
            String[] batch = new String[Math.min(250, end - from)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = job(from + i);
            }
            redis.rpush(READY, batch);
            redis.rpush(READY + ":notify", Collections.nCopies(batch.length, "1").toArray(String[]::new));
            Thread.sleep(millis / bursts);
        }
        if (first > JOBS) {
            Thread.sleep(millis);
        }
        return end;
    }

    private void awaitQueueKeysGone(long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline
                && redis.exists(READY, READY + ":delayed", READY + ":reserved", READY + ":notify") > 0) {
            Thread.sleep(200);
        }
    }

    private long failedJobs() throws Exception {
        try (Connection db = database(); Statement sql = db.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM failed_jobs WHERE queue = '" + QUEUE + "'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static Connection database() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static String job(int n) {
        ObjectNode data = Json.mapper().createObjectNode().put("n", n);
        return new BroadcastJob(List.of("crash_room"), "crash_event", data, null).toEnvelope(Instant.now()).toJson();
    }
}
