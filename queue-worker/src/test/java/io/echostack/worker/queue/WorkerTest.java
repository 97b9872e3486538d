package io.echostack.worker.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.json.Json;
import io.echostack.events.script.LuaScript;
import io.echostack.events.script.ScriptExecutor;
import io.echostack.redis.VertxListWait;
import io.echostack.redis.VertxScriptExecutor;
import io.echostack.worker.failed.FailedJobStore;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.QueueThroughput;
import io.echostack.events.queue.RedisQueue;
import io.echostack.testsupport.TestRedis;
import io.echostack.worker.ServersResource;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker loop against the real Redis and PostgreSQL, observed as echo-server would: a Redis subscriber. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class WorkerTest {
    private static final String QUEUE = "default";
    private static final String CHANNEL = "laravel_database_poster_room";
    private static final WorkerOptions OPTIONS = WorkerOptions.defaults(QUEUE).sleep(Duration.ofMillis(50)).build();

    @Inject
    JobProcessor processor;
    @Inject
    RedisQueue queue;
    @Inject
    DataSource dataSource;
    @Inject
    VertxScriptExecutor executor;
    @Inject
    FailedJobStore failedJobStore;
    @Inject
    JobMetrics metrics;
    @Inject
    Redis vertxRedis;
    private VertxListWait listWait;

    private RedisClient client;
    private StatefulRedisConnection<String, String> redis;
    private StatefulRedisPubSubConnection<String, String> subscriber;
    private final BlockingQueue<String> published = new LinkedBlockingQueue<>();
    private Worker worker;

    @BeforeEach
    void setUp() throws Exception {
        queue.clear(QUEUE);
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM failed_jobs");
        }
        client = RedisClient.create(TestRedis.get().url());
        redis = client.connect();
        // A queue:restart signal left in this Redis by another test class (QueueCommandsTest) reads as a restart once
        // the Redis-restart test wipes it (Laravel's rule: the signal differs from the one seen at start), and the
        // worker would stop mid-test.
        redis.sync().del(RedisPrefix.LARAVEL_DEFAULT.apply(RedisQueue.RESTART_KEY));
        subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                published.add(message);
            }
        });
        subscriber.sync().subscribe(CHANNEL);
        listWait = new VertxListWait(vertxRedis, Duration.ofSeconds(5));
        worker = newWorker(processor);
        worker.start(OPTIONS);
    }

    @AfterEach
    void tearDown() {
        worker.stop();
        subscriber.close();
        redis.close();
        client.shutdown();
    }

    @Test
    void publishesABroadcastJobInLaravelsShapeAndDeletesItsReservation() throws Exception {
        queue.push(QUEUE, posterJob(null).toEnvelope(Instant.now()).toJson());

        JsonNode message = Json.mapper().readTree(nextMessage());

        assertThat(fieldNames(message)).containsExactly("event", "data", "socket");
        assertThat(message.get("event").asText()).isEqualTo("backend_poster");
        assertThat(message.get("socket").isNull()).isTrue();
        assertThat(fieldNames(message.get("data"))).containsExactly("total", "msg", "socket");
        assertThat(message.get("data").get("msg").asText()).isEqualTo("海报☆Hello☆已新增!");
        assertThat(message.get("data").get("socket").isNull()).isTrue();
        awaitQueueDrained();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("queue_jobs_total{outcome=\"processed\",queue=\"default\"}"))
                .body(containsString("queue_job_runtime_seconds_bucket{queue=\"default\""))
                .body(containsString("queue_job_wait_seconds_count{queue=\"default\"}"))
                .body(containsString("queue_depth{queue=\"default\",state=\"pending\"}"))
                .body(containsString("queue_depth{queue=\"default\",state=\"reserved\"}")));
    }

    @Test
    void keepsTheSocketOfTheOriginatingRequest() throws Exception {
        queue.push(QUEUE, posterJob("abc123.456").toEnvelope(Instant.now()).toJson());

        JsonNode message = Json.mapper().readTree(nextMessage());

        assertThat(message.get("socket").asText()).isEqualTo("abc123.456");
        assertThat(message.get("data").get("socket").asText()).isEqualTo("abc123.456");
    }

    @Test
    void aBroadcastToNoChannelsSucceedsWithoutPublishingAsInLaravel() throws Exception {
        // what a PHP producer's json_encode writes for an event with no channels and an empty payload
        var envelope = posterJob(null).toEnvelope(Instant.now());
        envelope.data = new io.echostack.events.queue.JobData(BroadcastJob.COMMAND_NAME,
                "{\"channels\":[],\"event\":\"backend_poster\",\"data\":[],\"socket\":null}");
        queue.push(QUEUE, envelope.toJson());
        queue.push(QUEUE, posterJob(null).toEnvelope(Instant.now()).toJson());

        assertThat(nextMessage()).contains("backend_poster"); // the second job: the first sent nothing
        awaitQueueDrained();
        assertThat(published.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(failedJobs()).isEmpty();
    }

    @Test
    void recordsJobsItCannotRunInFailedJobsAndKeepsGoing() throws Exception {
        String laravelJob = fixtureLines("/laravel-8/queue-jobs.jsonl").get(0);
        String notJson = "this is not a job {";
        queue.push(QUEUE, laravelJob);
        queue.push(QUEUE, notJson);
        queue.push(QUEUE, posterJob(null).toEnvelope(Instant.now()).toJson());

        assertThat(nextMessage()).contains("backend_poster");
        awaitQueueDrained();

        List<String[]> rows = failedJobs();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[0]).isEqualTo("976b67f2-7cbc-420e-9d28-62c58a7c6376");
        assertThat(rows.get(0)[1]).isEqualTo("redis");
        assertThat(rows.get(0)[2]).isEqualTo(QUEUE);
        assertThat(rows.get(0)[3]).isEqualTo(laravelJob);
        assertThat(rows.get(0)[4]).startsWith("io.echostack.events.MalformedPayloadException: not a broadcast job:"
                + " command Illuminate\\Broadcasting\\BroadcastEvent");
        assertThat(rows.get(1)[0]).matches("[0-9a-f-]{36}");
        assertThat(rows.get(1)[3]).isEqualTo(notJson);
        assertThat(rows.get(1)[4]).startsWith("io.echostack.events.MalformedPayloadException: job payload is not JSON");
    }

    @Test
    void countsProcessedAndFailedJobsInTheMinuteCounters() throws Exception {
        List<String> counters = redis.sync().keys("laravel_database_queues:default:*ed:*");
        if (!counters.isEmpty()) {
            redis.sync().del(counters.toArray(String[]::new));
        }
        for (int i = 0; i < 3; i++) {
            queue.push(QUEUE, posterJob(null).toEnvelope(Instant.now()).toJson());
        }
        queue.push(QUEUE, "poison, not JSON");
        queue.push(QUEUE, fixtureLines("/laravel-8/queue-jobs.jsonl").get(0));

        awaitQueueDrained();
        await().atMost(Duration.ofSeconds(10)).until(() -> failedJobs().size() == 2);

        // the test spans at most one minute boundary
        QueueThroughput throughput = queue.throughput(QUEUE, Instant.now().getEpochSecond() / 60, 2);
        assertThat(throughput.totalProcessed()).isEqualTo(3);
        assertThat(throughput.totalFailed()).isEqualTo(2);
        assertThat(redis.sync().ttl(queue.keys(QUEUE).processed(throughput.minutes().get(1).epochMinute())))
                .isPositive();
    }

    @Test
    void failsAJobWhoseWorkerDiedOnItsLastAttempt() throws Exception {
        String envelope = posterJob(null).toEnvelope(Instant.now()).toJson().replace("\"attempts\":0", "\"attempts\":1");
        queue.push(QUEUE, envelope);
        queue.push(QUEUE, posterJob(null).toEnvelope(Instant.now()).toJson());

        assertThat(nextMessage()).contains("backend_poster");
        awaitQueueDrained();
        assertThat(published.poll(200, TimeUnit.MILLISECONDS)).isNull();

        List<String[]> rows = failedJobs();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[3]).isEqualTo(envelope);
        assertThat(rows.get(0)[4]).startsWith(MaxAttemptsExceededException.class.getName()
                + ": backend_poster has been attempted too many times or run too long. The job may have previously"
                + " timed out.\n"); // Laravel 8's message, word for word
    }

    @Test
    void keepsWorkingAcrossARedisRestart() throws Exception {
        assumeTrue(TestRedis.get().isEmbedded(), "needs a Redis this JVM can restart");
        queue.push(QUEUE, posterJob(null).toEnvelope(Instant.now()).toJson());
        assertThat(nextMessage()).contains("backend_poster");

        TestRedis.get().restart(); // drops connections and the script cache: EVALSHA answers NOSCRIPT
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(subscriber.sync().ping()).isEqualTo("PONG");
            assertThat(redis.sync().pubsubNumsub(CHANNEL).get(CHANNEL)).isEqualTo(1L);
        });
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> { queue.size(QUEUE); return true; });
        queue.push(QUEUE, posterJob(null).toEnvelope(Instant.now()).toJson());

        assertThat(nextMessage()).contains("backend_poster");
        awaitQueueDrained();
    }

    @Test
    void finishesTheJobInHandWhenStopped() throws Exception {
        worker.stop();
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ScriptExecutor slowPublish = (script, keys, args) -> {
            if (script == LuaScript.PUBLISH_DELETE) {
                publishing.countDown();
                awaitQuietly(resume);
            }
            return executor.run(script, keys, args);
        };
        JobProcessor slowProcessor = new JobProcessor(
                new BroadcastJobHandler(limit -> new RedisQueue(slowPublish, RedisPrefix.LARAVEL_DEFAULT)),
                queue, failedJobStore, new JobMetrics(new SimpleMeterRegistry()), Clock.systemUTC(),
                Duration.ofSeconds(5), JobLines.toStandardOutput(Clock.systemUTC()));
        worker = newWorker(slowProcessor);
        worker.start(OPTIONS);
        queue.push(QUEUE, posterJob(null).toEnvelope(Instant.now()).toJson());
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();

        Thread stopping = new Thread(worker::stop);
        stopping.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
        resume.countDown();
        stopping.join();

        assertThat(nextMessage()).contains("backend_poster");
        awaitQueueDrained();
    }

    private Worker newWorker(JobProcessor jobs) {
        return new Worker(queue, jobs, metrics, listWait::await, Clock.systemUTC());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BroadcastJob posterJob(String socket) {
        ObjectNode data = Json.mapper().createObjectNode().put("total", 1).put("msg", "海报☆Hello☆已新增!");
        return new BroadcastJob(List.of("poster_room"), "backend_poster", data, socket);
    }

    private String nextMessage() throws InterruptedException {
        String message = published.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a message published on " + CHANNEL).isNotNull();
        return message;
    }

    private void awaitQueueDrained() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(redis.sync().zcard("laravel_database_queues:default:reserved")).isZero();
            assertThat(redis.sync().llen("laravel_database_queues:default")).isZero();
        });
    }

    private List<String[]> failedJobs() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
             ResultSet result = sql.executeQuery(
                     "SELECT uuid, connection, queue, payload, exception, failed_at FROM failed_jobs ORDER BY id")) {
            while (result.next()) {
                assertThat(result.getTimestamp("failed_at")).isNotNull();
                rows.add(new String[] {result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5)});
            }
        }
        return rows;
    }

    private static List<String> fixtureLines(String resource) throws IOException {
        try (InputStream in = WorkerTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
