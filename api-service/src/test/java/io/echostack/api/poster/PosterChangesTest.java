package io.echostack.api.poster;

import static io.echostack.api.AdminApi.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.api.AdminApi;
import io.echostack.api.QueuedJobs;
import io.echostack.api.ServersResource;
import io.echostack.api.TestUsers;
import io.echostack.events.queue.RedisQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** List, update and delete through HTTP; each change read back from the real Redis queue. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class PosterChangesTest {
    @Inject
    RedisQueue queue;
    @Inject
    Redis redis;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyTableAndQueue() {
        QuarkusTransaction.requiringNew().run(() -> Poster.deleteAll());
        queue.clear("default");
    }

    @Test
    void updatesAndBroadcastsTheSeedsUpdatedMessage() {
        long id = create("before");
        queue.clear("default");

        asAdmin().contentType(ContentType.JSON).header("X-Socket-ID", "s.1")
                .body("{\"title\":\"after\",\"status\":\"inactive\"}")
                .when().put("/api/posters/" + id)
                .then().statusCode(200)
                .body("title", equalTo("after"))
                .body("status", equalTo("inactive"));

        List<JsonNode> jobs = QueuedJobs.commands(redis);
        assertThat(jobs).hasSize(1);
        JsonNode job = jobs.get(0);
        assertThat(job.get("channels").toString()).isEqualTo("[\"poster_room\"]");
        assertThat(job.get("event").asText()).isEqualTo("backend_poster");
        assertThat(job.get("socket").asText()).isEqualTo("s.1");
        JsonNode data = job.get("data");
        assertThat(data.get("msg").asText()).isEqualTo("海报☆after☆已更新!");
        assertThat(data.get("url").asText()).isEqualTo("/admin/posters/" + id + "/edit");
        assertThat(data.get("total").asLong()).isZero();
        assertThat(data.get("month").asLong()).isZero();
        assertThat(data.get("data").get("status").asText()).isEqualTo("inactive");
    }

    @Test
    void notifiesTheOwnerPrivatelyWhenAnotherAdminEditsTheirPoster() {
        long id = create("mine");
        long ownerId = TestUsers.idOf(AdminApi.EMAIL);
        long editorId = TestUsers.ensure("editor@example.com", "Editor", "secret", true);
        String editor = AdminApi.login("editor@example.com", "secret");
        queue.clear("default");

        given().header("Authorization", "Bearer " + editor).contentType(ContentType.JSON)
                .body("{\"title\":\"theirs now\"}").put("/api/posters/" + id).then().statusCode(200);
        given().header("Authorization", "Bearer " + editor).delete("/api/posters/" + id).then().statusCode(204);

        List<JsonNode> jobs = QueuedJobs.commands(redis);
        assertThat(jobs).extracting(job -> job.get("event").asText()).containsExactly("backend_poster",
                PosterNotification.EVENT, "backend_poster", PosterNotification.EVENT);
        JsonNode note = jobs.get(1);
        assertThat(note.get("channels").toString()).isEqualTo("[\"private-App.Models.User." + ownerId + "\"]");
        assertThat(note.get("data").get("msg").asText()).isEqualTo("海报☆theirs now☆已更新! (Editor)");
        assertThat(note.get("data").get("type").asText()).isEqualTo("poster.changed");
        assertThat(note.get("data").get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(note.get("data").get("editor").get("id").asLong()).isEqualTo(editorId);
        assertThat(note.get("data").get("poster").get("id").asLong()).isEqualTo(id);
        assertThat(jobs.get(3).get("data").get("msg").asText()).isEqualTo("海报☆theirs now☆已删除! (Editor)");
    }

    @Test
    void deletesAndBroadcastsTheSeedsDeletedMessage() {
        long id = create("gone");
        create("stays");
        queue.clear("default");

        asAdmin().delete("/api/posters/" + id).then().statusCode(204);

        asAdmin().get("/api/posters/" + id).then().statusCode(404);
        JsonNode job = QueuedJobs.commands(redis).get(0);
        assertThat(job.get("socket").isNull()).isTrue();
        assertThat(job.get("data").get("msg").asText()).isEqualTo("海报☆gone☆已删除!");
        assertThat(job.get("data").get("data").get("id").asLong()).isEqualTo(id);
        assertThat(job.get("data").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void unknownIdsAre404AndQueueNothing() {
        asAdmin().contentType(ContentType.JSON).body("{\"title\":\"x\"}").put("/api/posters/999999")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("message", equalTo("Poster 999999 not found."));
        asAdmin().delete("/api/posters/999999").then().statusCode(404).contentType(ContentType.JSON);
        asAdmin().get("/api/posters/not-a-number").then().statusCode(404).contentType(ContentType.JSON);

        assertThat(QueuedJobs.all(redis)).isEmpty();
    }

    @Test
    void rejectsBadUpdatesWithoutWriting() {
        long id = create("kept");
        queue.clear("default");

        asAdmin().contentType(ContentType.JSON).body("{\"title\":\"\",\"status\":\"archived\"}")
                .put("/api/posters/" + id)
                .then().statusCode(422)
                .body("message", equalTo("The selected status is invalid. (and 1 more error)"))
                .body("errors.title[0]", equalTo("The title field is required."))
                .body("errors.status[0]", equalTo("The selected status is invalid."));
        asAdmin().contentType(ContentType.JSON).body("{\"title\":").put("/api/posters/" + id).then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body("{\"title\":\"x\",\"status\":5}").put("/api/posters/" + id)
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("message", org.hamcrest.Matchers.startsWith("Malformed JSON: Cannot coerce Integer value (5)"));

        asAdmin().get("/api/posters/" + id).then().body("title", equalTo("kept"));
        assertThat(QueuedJobs.all(redis)).isEmpty();
    }

    @Test
    void listsNewestFirstPaginatedLikeLaravel() {
        long first = create("one");
        long second = create("two");
        long third = create("three");

        asAdmin().get("/api/posters?per_page=2")
                .then().statusCode(200)
                .body("current_page", equalTo(1))
                .body("data.id", contains((int) third, (int) second))
                .body("from", equalTo(1))
                .body("to", equalTo(2))
                .body("last_page", equalTo(2))
                .body("per_page", equalTo(2))
                .body("total", equalTo(3))
                .body("prev_page_url", nullValue())
                .body("next_page_url", endsWith("/api/posters?per_page=2&page=2"))
                .body("path", endsWith("/api/posters"));
        asAdmin().get("/api/posters?per_page=2&page=2")
                .then().statusCode(200)
                .body("data.id", contains((int) first))
                .body("next_page_url", nullValue())
                .body("prev_page_url", endsWith("page=1"));
        asAdmin().get("/api/posters?page=9").then().statusCode(200).body("data", org.hamcrest.Matchers.empty())
                .body("from", nullValue());
    }

    @Test
    void filtersByStatus() {
        create("visible");
        QuarkusTransaction.requiringNew().run(() -> {
            Poster hidden = Poster.newActive("hidden", Instant.now());
            hidden.status = Poster.INACTIVE;
            hidden.persist();
        });

        asAdmin().get("/api/posters?status=inactive").then().statusCode(200)
                .body("data.title", contains("hidden")).body("total", equalTo(1))
                .body("first_page_url", endsWith("?status=inactive&page=1"));
        asAdmin().get("/api/posters?status=active").then().body("data.title", contains("visible"));
        asAdmin().get("/api/posters").then().body("total", equalTo(2));
    }

    @Test
    void rejectsBadListParameters() {
        asAdmin().get("/api/posters?status=archived&page=0&per_page=abc")
                .then().statusCode(422).contentType(ContentType.JSON)
                .body("errors.status[0]", equalTo("The selected status is invalid."))
                .body("errors.page[0]", equalTo("The page must be at least 1."))
                .body("errors.per_page[0]", equalTo("The per page must be between 1 and 100."));
        asAdmin().get("/api/posters?per_page=101").then().statusCode(422);
    }

    /** Laravel's auto-increment: the Laravel app's rows (inserted without an id) and ours share one count, by ones. */
    @Test
    void postersAreNumberedOneByOneWithTheRowsTheLaravelAppInserts() throws Exception {
        long laravelRow = insertAsLaravelDoes("from Laravel");
        long ours = create("from the admin");
        long nextLaravelRow = insertAsLaravelDoes("from Laravel again");

        assertThat(List.of(ours, nextLaravelRow)).containsExactly(laravelRow + 1, laravelRow + 2);
        asAdmin().get("/api/posters/" + laravelRow).then().statusCode(200).body("title", equalTo("from Laravel"));
    }

    /** Eloquent's {@code Poster::create}: an INSERT without id, the id from the table's default. */
    private long insertAsLaravelDoes(String title) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO posters (title, status, created_at,"
                     + " updated_at) VALUES (?, 'active', now(), now()) RETURNING id")) {
            insert.setString(1, title);
            try (ResultSet row = insert.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    private static long create(String title) {
        return asAdmin().contentType(ContentType.JSON).body("{\"title\":\"" + title + "\"}").post("/api/posters")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
