package io.echostack.api.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.echostack.api.AdminApi;
import io.echostack.api.ServersResource;
import io.echostack.api.TestUsers;
import io.echostack.api.auth.Credentials;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /broadcasting/auth as echo-server calls it, answers compared with Laravel 8's (laravel-8/auth-responses.txt). */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class BroadcastAuthTest {
    /** Exactly the bytes Laravel wrote, without Rest Assured adding a charset to the form content type. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private long adminId;
    private String adminToken;
    private String viewerToken;

    @BeforeEach
    void users() {
        adminId = TestUsers.idOf(AdminApi.EMAIL);
        adminToken = AdminApi.login(AdminApi.EMAIL, AdminApi.PASSWORD);
        TestUsers.ensure("viewer2@example.com", "Viewer Two", "secret", false);
        viewerToken = AdminApi.login("viewer2@example.com", "secret");
    }

    @Test
    void privateChannelOfTheSameUserAnswersTrueAsHtml() {
        Response response = form(bearer(adminToken), "private-App.Models.User." + adminId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache, private");
        assertThat(response.asString()).isEqualTo("true");
        assertThat(capture()).contains("Content-Type: text/html; charset=UTF-8\nCache-Control: no-cache, private\n\ntrue\n");
    }

    @Test
    void privateChannelOfAnotherUserOrWithoutCredentialsIs403WithLaravelsBody() {
        for (Response response : new Response[] {
                form(bearer(viewerToken), "private-App.Models.User." + adminId),
                form(given(), "private-App.Models.User." + adminId),
                form(bearer("no-such-token"), "private-App.Models.User." + adminId),
                form(bearer(adminToken), "private-App.Models.User.abc"),
                form(bearer(adminToken), "poster_room"),
                form(bearer(adminToken), ""),
                form(bearer(viewerToken), "presence-admins")}) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.contentType()).isEqualTo("application/json");
            assertThat(response.header("Cache-Control")).isEqualTo("no-cache, private");
            assertThat(response.asString()).isEqualTo(BroadcastAuthResource.FORBIDDEN_BODY);
        }
        assertThat(capture()).contains("Content-Type: application/json\n\n" + BroadcastAuthResource.FORBIDDEN_BODY);
    }

    @Test
    void refusalIsJsonOnlyWhenTheRequestExpectsJsonElseAnHtmlPage() {
        String channel = "private-App.Models.User." + adminId;
        Response bareCurl = bearer(viewerToken).config(RAW).contentType("application/x-www-form-urlencoded")
                .formParam("channel_name", channel).post("/broadcasting/auth");
        Response xhrWantingHtml = form(bearer(viewerToken).header("Accept", "text/html"), channel);
        Response pjax = form(bearer(viewerToken).header("X-PJAX", "true"), channel);

        for (Response response : new Response[] {bareCurl, xhrWantingHtml, pjax}) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.contentType()).isEqualTo("text/html; charset=UTF-8");
            assertThat(response.header("Cache-Control")).isEqualTo("no-cache, private");
            assertThat(response.asString()).startsWith("<!DOCTYPE html>").contains("<title>Forbidden</title>");
        }
        assertThat(capture()).contains("### private, wrong user, without X-Requested-With")
                .contains("HTTP/1.1 403 Forbidden\nCache-Control: no-cache, private\nContent-Type: text/html; "
                        + "charset=UTF-8\n\n<!DOCTYPE html>");

        Response acceptJson = bearer(viewerToken).config(RAW).header("Accept", "text/html;q=0.5, application/json")
                .contentType("application/x-www-form-urlencoded").formParam("channel_name", channel)
                .post("/broadcasting/auth");
        assertThat(acceptJson.statusCode()).isEqualTo(403);
        assertThat(acceptJson.contentType()).isEqualTo("application/json");
        assertThat(acceptJson.asString()).isEqualTo(BroadcastAuthResource.FORBIDDEN_BODY);
    }

    @Test
    void presenceChannelOfAdminsAnswersChannelDataByBearerOrCookie() {
        String expected = "{\"channel_data\":{\"user_id\":" + adminId + ",\"user_info\":{\"id\":" + adminId
                + ",\"name\":\"Admin\"}}}";

        Response byBearer = form(bearer(adminToken), "presence-admins");
        Response byCookie = form(given().cookie(Credentials.SESSION_COOKIE, adminToken), "presence-admins");

        for (Response response : new Response[] {byBearer, byCookie}) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.contentType()).isEqualTo("text/html; charset=UTF-8");
            assertThat(response.asString()).isEqualTo(expected);
        }
        assertThat(capture()).contains("{\"channel_data\":{\"user_id\":2,\"user_info\":{\"id\":2,\"name\":\"User 2\"}}}");
    }

    @Test
    void acceptsJsonBodiesQueryStringsAndPrefixedNames() {
        bearer(adminToken).contentType(ContentType.JSON)
                .body("{\"channel_name\":\"private-App.Models.User." + adminId + "\",\"socket_id\":\"1.2\"}")
                .post("/broadcasting/auth").then().statusCode(200).body(equalTo("true"));
        bearer(adminToken).queryParam("channel_name", "presence-admins").get("/broadcasting/auth")
                .then().statusCode(200);
        form(bearer(adminToken), "laravel_database_private-App.Models.User." + adminId).then().statusCode(200);
        bearer(adminToken).contentType(ContentType.JSON).body("{\"channel_name\":42}")
                .post("/broadcasting/auth").then().statusCode(403);
        bearer(adminToken).contentType(ContentType.JSON).body("{\"channel_name\":")
                .post("/broadcasting/auth").then().statusCode(400);
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static Response form(RequestSpecification request, String channel) {
        return request.config(RAW).header("X-Requested-With", "XMLHttpRequest")
                .contentType("application/x-www-form-urlencoded").formParam("channel_name", channel)
                .post("/broadcasting/auth");
    }

    private static String capture() {
        try (InputStream in = BroadcastAuthTest.class.getResourceAsStream("/laravel-8/auth-responses.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
