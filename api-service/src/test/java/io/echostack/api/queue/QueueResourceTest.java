package io.echostack.api.queue;

import static io.echostack.api.AdminApi.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.echostack.api.QueuedJobs;
import io.echostack.api.ServersResource;
import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedBroadcast;
import io.echostack.events.queue.ReservedJob;
import io.echostack.redis.VertxScriptExecutor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue admin on a real Redis and the worker's failed_jobs table in the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class QueueResourceTest {
    @Inject
    AgroalDataSource db;
    @Inject
    RedisQueue queue;
    @Inject
    Redis redis;

    @BeforeEach
    void emptyQueueAndFailedJobs() throws Exception {
        queue.clear("default");
        for (String counters : List.of("processed", "failed")) {
            var keys = redis.send(Request.cmd(Command.KEYS).arg(QueuedJobs.QUEUE_KEY + ":" + counters + ":*"))
                    .await().atMost(Duration.ofSeconds(5));
            keys.forEach(key -> redis.send(Request.cmd(Command.DEL).arg(key.toString())).await().atMost(Duration.ofSeconds(5)));
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(resource("/db/failed_jobs.sql"));
            s.execute("DELETE FROM failed_jobs");
        }
    }

    @Test
    void showsSizesAndFailures() throws Exception {
        queue.push("default", envelope(0, Instant.now().minusSeconds(120)));
        queue.later("default", 60, envelope(0));
        fail(envelope(3), "RuntimeException: boom\n#0 stack");

        asAdmin().get("/api/queue").then().statusCode(200)
                .body("queues.name", contains("default"))
                .body("queues[0].pending", equalTo(1))
                .body("queues[0].delayed", equalTo(1))
                .body("queues[0].reserved", equalTo(0))
                .body("queues[0].oldest_pending_seconds", allOf(greaterThanOrEqualTo(120), lessThan(180)))
                .body("failed_total", equalTo(1))
                // a failed_jobs row is not a count: per-minute numbers come from the worker's counters only
                .body("failed_last_hour", equalTo(0));
    }

    @Test
    void countsProcessedAndFailedPerMinuteFromTheWorkersCounters() throws Exception {
        awayFromTheEndOfAMinute();
        Instant now = Instant.now();
        Instant minuteAgo = now.minusSeconds(60);
        Instant tenMinutesAgo = now.minusSeconds(600);
        processed(3, tenMinutesAgo);
        failed(1, tenMinutesAgo);
        processed(2, minuteAgo);
        failed(2, minuteAgo);
        processed(1, now);

        JsonPath overview = asAdmin().get("/api/queue").then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> perMinute = overview.getList("per_minute");
        assertThat(perMinute).hasSize(60);
        assertThat(perMinute.get(59).get("minute")).isEqualTo(minuteOf(now));
        assertThat(perMinute.get(58)).isEqualTo(Map.of("minute", minuteOf(minuteAgo), "processed", 2, "failed", 2));
        assertThat(perMinute.get(49)).isEqualTo(Map.of("minute", minuteOf(tenMinutesAgo), "processed", 3, "failed", 1));
        assertThat(perMinute.get(59)).containsEntry("processed", 1).containsEntry("failed", 0);
        assertThat(perMinute.get(0).get("minute")).isEqualTo(minuteOf(now.minusSeconds(59 * 60)));
        assertThat(perMinute.stream().mapToInt(m -> (Integer) m.get("processed")).sum()).isEqualTo(6);
        assertThat(overview.getLong("processed_last_minute")).isEqualTo(2);
        assertThat(overview.getLong("failed_last_minute")).isEqualTo(2);
        assertThat(overview.getLong("processed_last_hour")).isEqualTo(6);
        assertThat(overview.getLong("failed_last_hour")).isEqualTo(3);
        assertThat(overview.getLong("queues[0].processed_last_minute")).isEqualTo(2);
        assertThat(overview.getLong("queues[0].failed_last_hour")).isEqualTo(3);
        assertThat(overview.getLong("queues[0].pending")).as("every counted job was finished").isZero();
        assertThat(overview.getLong("queues[0].reserved")).isZero();
    }

    @Test
    void minutesOlderThanAnHourAreNotShown() throws Exception {
        awayFromTheEndOfAMinute();
        processed(4, Instant.now().minusSeconds(60 * 60));

        asAdmin().get("/api/queue").then().statusCode(200)
                .body("processed_last_hour", equalTo(0))
                .body("per_minute.processed.sum()", equalTo(0));
    }

    @Test
    void listsAndShowsFailedJobs() throws Exception {
        String uuid = fail(envelope(3), "RuntimeException: boom\n#0 stack");

        asAdmin().get("/api/queue/failed").then().statusCode(200)
                .body("total", equalTo(1))
                .body("data[0].uuid", equalTo(uuid))
                .body("data[0].name", equalTo("backend_poster"))
                .body("data[0].queue", equalTo("default"))
                .body("data[0].exception_message", equalTo("RuntimeException: boom"))
                .body("data[0].failed_at", startsWith("20"))
                .body("data[0].payload", org.hamcrest.Matchers.nullValue());
        asAdmin().get("/api/queue/failed/" + uuid).then().statusCode(200)
                .body("exception", equalTo("RuntimeException: boom\n#0 stack"))
                .body("payload", startsWith("{\"uuid\""));
        asAdmin().get("/api/queue/failed/nope").then().statusCode(404)
                .body("message", equalTo("No failed job matches the given ID."));
    }

    @Test
    void retryPushesThePayloadBackWithAttemptsResetAndForgetsIt() throws Exception {
        String uuid = fail(envelope(3), "boom");

        asAdmin().post("/api/queue/failed/" + uuid + "/retry").then().statusCode(200)
                .body("message", equalTo("The failed job [" + uuid + "] has been pushed back onto the queue."));

        List<String> jobs = QueuedJobs.all(redis);
        assertThat(jobs).hasSize(1);
        JsonNode retried = Json.mapper().readTree(jobs.get(0));
        assertThat(retried.get("attempts").asInt()).isZero();
        assertThat(retried.get("displayName").asText()).isEqualTo("backend_poster");
        assertThat(QueuedJobs.command(jobs.get(0)).get("event").asText()).isEqualTo("backend_poster");
        asAdmin().get("/api/queue/failed/" + uuid).then().statusCode(404);
        asAdmin().post("/api/queue/failed/" + uuid + "/retry").then().statusCode(404);
    }

    @Test
    void aPayloadThatIsNotAJobCannotBeRetriedAndStays() throws Exception {
        String uuid = fail("not json at all", "unrunnable");

        asAdmin().get("/api/queue/failed").then().body("data[0].name", equalTo("(payload is not JSON)"));
        asAdmin().post("/api/queue/failed/" + uuid + "/retry").then().statusCode(422)
                .body("errors.payload[0]", equalTo("The failed job's payload is not a job and cannot be retried."));

        assertThat(QueuedJobs.all(redis)).isEmpty();
        asAdmin().get("/api/queue/failed/" + uuid).then().statusCode(200);
    }

    @Test
    void forgetDeletesTheRecord() throws Exception {
        String uuid = fail(envelope(1), "boom");

        asAdmin().delete("/api/queue/failed/" + uuid).then().statusCode(200)
                .body("message", equalTo("Failed job deleted successfully."));
        asAdmin().delete("/api/queue/failed/" + uuid).then().statusCode(404);
        asAdmin().get("/api/queue").then().body("failed_total", equalTo(0));
    }

    @Test
    void withoutTheWorkersTableSays503() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE failed_jobs");
        }

        asAdmin().get("/api/queue").then().statusCode(503)
                .body("message", equalTo("The failed_jobs table does not exist yet: queue-worker creates it when it "
                        + "first starts."));
        asAdmin().get("/api/queue/failed").then().statusCode(503);
    }

    @Test
    void needsAnAdminToken() {
        given().get("/api/queue").then().statusCode(401);
        given().post("/api/queue/failed/x/retry").then().statusCode(401);
    }

    /** Jobs run by a worker whose clock says {@code at}: the shared-events calls queue-worker makes. */
    private void processed(int jobs, Instant at) throws Exception {
        RedisQueue worker = workerAt(at);
        for (int i = 0; i < jobs; i++) {
            worker.push("default", envelope(0));
        }
        List<ReservedBroadcast> reserved = new ArrayList<>();
        for (ReservedJob job : worker.reserve("default", 60, jobs)) {
            reserved.add(new ReservedBroadcast(job, BroadcastJob.fromEnvelope(job.envelope())));
        }
        assertThat(worker.publishAndDelete(reserved)).hasSize(jobs).containsOnly(true);
    }

    /** Jobs a worker at {@code at} gave up on: recorded in failed_jobs (not needed here), then counted. */
    private void failed(int jobs, Instant at) {
        RedisQueue worker = workerAt(at);
        for (int i = 0; i < jobs; i++) {
            worker.push("default", envelope(0));
        }
        for (ReservedJob job : worker.reserve("default", 60, jobs)) {
            assertThat(worker.deleteFailed(job)).isTrue();
        }
    }

    private RedisQueue workerAt(Instant at) {
        return new RedisQueue(new VertxScriptExecutor(redis, Duration.ofSeconds(5)), RedisPrefix.LARAVEL_DEFAULT,
                false, Clock.fixed(at, ZoneOffset.UTC));
    }

    private static String minuteOf(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** The request must read in the minute the jobs were counted relative to, so do not start in its last seconds. */
    private static void awayFromTheEndOfAMinute() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 60;
        if (second >= 50) {
            Thread.sleep((61 - second) * 1000);
        }
    }

    private static String envelope(int attempts) {
        return envelope(attempts, Instant.now());
    }

    private static String envelope(int attempts, Instant createdAt) {
        var envelope = new BroadcastJob(List.of("poster_room"), "backend_poster",
                Json.mapper().createObjectNode().put("msg", "海报☆x☆已新增!"), null).toEnvelope(createdAt);
        envelope.attempts = attempts;
        return envelope.toJson();
    }

    private String fail(String payload, String exception) throws SQLException {
        String uuid = UUID.randomUUID().toString();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO failed_jobs (uuid, connection, queue, payload, exception, failed_at) "
                        + "VALUES (?, 'redis', 'default', ?, ?, now() AT TIME ZONE 'UTC')")) {
            s.setString(1, uuid);
            s.setString(2, payload);
            s.setString(3, exception);
            s.executeUpdate();
        }
        return uuid;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = QueueResourceTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
