package io.echostack.api.poster;

import static io.echostack.api.AdminApi.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.api.QueuedJobs;
import io.echostack.api.ServersResource;
import io.echostack.events.json.Json;
import io.echostack.events.queue.RedisQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through HTTP, into the real PostgreSQL and onto the real Redis list a Laravel worker reads. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class PosterResourceTest {
    @Inject
    RedisQueue queue;
    @Inject
    Redis redis;

    @BeforeEach
    void emptyTableAndQueue() {
        QuarkusTransaction.requiringNew().run(() -> Poster.deleteAll());
        queue.clear("default");
    }

    @Test
    void createsThePosterAndQueuesItsBroadcastInLaravelsFormat() throws Exception {
        ExtractableResponse<Response> created = asAdmin().contentType(ContentType.JSON).body("{\"title\":\"Hello/World\"}")
                .when().post("/api/posters")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", startsWith("http"))
                .body("title", equalTo("Hello/World"))
                .body("status", equalTo("active"))
                .extract();
        long id = created.jsonPath().getLong("id");
        String createdAt = created.jsonPath().getString("created_at");
        assertThat(createdAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000000Z");

        Poster row = QuarkusTransaction.requiringNew().call(() -> Poster.findById(id));
        assertThat(row.title).isEqualTo("Hello/World");
        assertThat(row.status).isEqualTo(Poster.ACTIVE);

        List<String> jobs = queued();
        assertThat(jobs).hasSize(1);
        JsonNode envelope = Json.mapper().readTree(jobs.get(0));
        assertThat(fieldNames(envelope)).containsExactly("uuid", "displayName", "job", "maxTries", "maxExceptions",
                "failOnTimeout", "backoff", "timeout", "retryUntil", "data", "createdAt", "id", "attempts");
        assertThat(envelope.get("uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(envelope.get("displayName").asText()).isEqualTo("backend_poster");
        assertThat(envelope.get("job").asText()).isEqualTo("io.echostack.events.BroadcastJob@handle");
        assertThat(envelope.get("maxTries").isNull()).isTrue();
        assertThat(envelope.get("failOnTimeout").asBoolean()).isFalse();
        assertThat(envelope.get("createdAt").isIntegralNumber()).isTrue();
        assertThat(envelope.get("id").asText()).matches("[A-Za-z0-9]{32}");
        assertThat(envelope.get("attempts").asInt()).isZero();
        assertThat(envelope.get("data").get("commandName").asText()).isEqualTo("io.echostack.events.BroadcastJob");
        assertThat(envelope.get("data").get("command").asText()).isEqualTo(
                "{\"channels\":[\"poster_room\"],\"event\":\"backend_poster\",\"data\":{\"total\":1,\"month\":1,"
                        + "\"data\":{\"id\":" + id + ",\"title\":\"Hello\\/World\",\"status\":\"active\","
                        + "\"created_at\":\"" + createdAt + "\",\"updated_at\":\"" + createdAt + "\"},"
                        + "\"url\":\"\\/admin\\/posters\\/" + id + "\\/edit\",\"msg\":\"海报☆Hello\\/World☆已新增!\"},"
                        + "\"socket\":null}");
    }

    @Test
    void countsActivePostersInTheBroadcast() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            Poster inactive = Poster.newActive("old", Instant.now());
            inactive.status = Poster.INACTIVE;
            inactive.persist();
            Poster.newActive("earlier", Instant.now()).persist();
        });

        asAdmin().contentType(ContentType.JSON).body("{\"title\":\"third\"}").post("/api/posters").then().statusCode(201);

        JsonNode data = command(queued().get(0)).get("data");
        assertThat(data.get("total").asLong()).isEqualTo(2);
        assertThat(data.get("month").asLong()).isEqualTo(2);
    }

    @Test
    void statsCountActivePostersAndThoseCreatedThisMonth() {
        QuarkusTransaction.requiringNew().run(() -> {
            Poster inactive = Poster.newActive("off", Instant.now());
            inactive.status = Poster.INACTIVE;
            inactive.persist();
            Poster.newActive("now", Instant.now()).persist();
            // 40 days back is always before the first of this month
            Poster.newActive("last month", Instant.now().minus(Duration.ofDays(40))).persist();
        });

        asAdmin().get("/api/posters/stats").then().statusCode(200).contentType(ContentType.JSON)
                .body("total", equalTo(2))
                .body("month", equalTo(1));
    }

    @Test
    void putsTheCreatorsSocketIdInTheJob() throws Exception {
        asAdmin().contentType(ContentType.JSON).header("X-Socket-ID", "abc123.456").body("{\"title\":\"mine\"}")
                .post("/api/posters").then().statusCode(201);

        assertThat(command(queued().get(0)).get("socket").asText()).isEqualTo("abc123.456");
    }

    @Test
    void showsAPoster() {
        long id = asAdmin().contentType(ContentType.JSON).body("{\"title\":\"shown\"}").post("/api/posters")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        asAdmin().get("/api/posters/" + id).then().statusCode(200).body("title", equalTo("shown"));
        asAdmin().get("/api/posters/" + (id + 1000)).then().statusCode(404)
                .contentType(ContentType.JSON).body("message", equalTo("Poster " + (id + 1000) + " not found."));
    }

    @Test
    void rejectsABlankTitleLikeLaravel() {
        asAdmin().contentType(ContentType.JSON).body("{\"title\":\"  \"}")
                .when().post("/api/posters")
                .then().statusCode(422)
                .contentType(ContentType.JSON)
                .body("message", equalTo("The title field is required."))
                .body("errors.title[0]", equalTo("The title field is required."));
        asAdmin().contentType(ContentType.JSON).body("{}").post("/api/posters").then().statusCode(422);
        asAdmin().contentType(ContentType.JSON).post("/api/posters").then().statusCode(422)
                .body("errors.title[0]", equalTo("The title field is required."));
        asAdmin().contentType(ContentType.JSON).body("{\"title\":\"" + "x".repeat(256) + "\"}").post("/api/posters")
                .then().statusCode(422)
                .body("errors.title[0]", equalTo("The title must not be greater than 255 characters."));

        assertThat(queued()).isEmpty();
        long rows = QuarkusTransaction.requiringNew().call(() -> Poster.count());
        assertThat(rows).isZero();
    }

    @Test
    void answersMalformedJsonWith400() {
        asAdmin().contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/posters")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("message", startsWith("Malformed JSON"));
        asAdmin().contentType(ContentType.JSON).body("{\"title\": {\"nested\": true}}")
                .when().post("/api/posters")
                .then().statusCode(400)
                .body("message", startsWith("Malformed JSON"));
        asAdmin().contentType(ContentType.JSON).body("[1,2]").post("/api/posters").then().statusCode(400);
        // Laravel's "string" rule: a number or boolean is a wrong type, never stored as the text "5"
        for (String wrongType : new String[] {"5", "1.5", "true"}) {
            asAdmin().contentType(ContentType.JSON).body("{\"title\": " + wrongType + "}")
                    .when().post("/api/posters")
                    .then().statusCode(400)
                    .contentType(ContentType.JSON)
                    .body("message", startsWith("Malformed JSON: Cannot coerce"));
        }

        assertThat(queued()).isEmpty();
        long rows = QuarkusTransaction.requiringNew().call(() -> Poster.count());
        assertThat(rows).isZero();
    }

    private List<String> queued() {
        return QueuedJobs.all(redis);
    }

    private static JsonNode command(String envelope) {
        return QueuedJobs.command(envelope);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
