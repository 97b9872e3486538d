package io.echostack.api.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.echostack.api.AdminApi;
import io.echostack.api.ServersResource;
import io.echostack.api.user.ApiToken;
import io.echostack.api.user.PasswordHasher;
import io.echostack.api.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Login, logout, /api/me and the 401/403 answers of guarded endpoints, on the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class AuthResourceTest {
    @Inject
    PasswordHasher hasher;

    @Test
    void logsInWithTheSeededAdminAndTellsWhoItIs() {
        var login = given().contentType(ContentType.JSON)
                .body("{\"email\":\"ADMIN@example.com\",\"password\":\"password\"}")
                .post("/api/login")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("token_type", equalTo("Bearer"))
                .body("user.email", equalTo("admin@example.com"))
                .header("Set-Cookie", startsWith("echo_session="))
                .header("Set-Cookie", containsString("HttpOnly"))
                .extract();
        String token = login.jsonPath().getString("token");

        given().header("Authorization", "Bearer " + token).get("/api/me")
                .then().statusCode(200).body("name", equalTo("Admin")).body("email", equalTo("admin@example.com"))
                .body("password", org.hamcrest.Matchers.nullValue());
        String hash = QuarkusTransaction.requiringNew().call(() -> User.byEmail("admin@example.com").orElseThrow().password);
        assertThat(hash).startsWith("$2a$10$");
        long stored = QuarkusTransaction.requiringNew().call(() -> ApiToken.count("tokenHash", token));
        assertThat(stored).as("only the token's hash is stored").isZero();
    }

    @Test
    void refusesWrongCredentialsLikeLaravel() {
        given().contentType(ContentType.JSON).body("{\"email\":\"admin@example.com\",\"password\":\"nope\"}")
                .post("/api/login")
                .then().statusCode(422)
                .body("message", equalTo("These credentials do not match our records."))
                .body("errors.email[0]", equalTo("These credentials do not match our records."));
        given().contentType(ContentType.JSON).body("{\"email\":\"nobody@example.com\",\"password\":\"password\"}")
                .post("/api/login").then().statusCode(422);
        given().contentType(ContentType.JSON).body("{}").post("/api/login")
                .then().statusCode(422)
                .body("errors.email[0]", equalTo("The email field is required."))
                .body("errors.password[0]", equalTo("The password field is required."));
        given().contentType(ContentType.JSON).body("{\"email\":").post("/api/login").then().statusCode(400);
    }

    @Test
    void logoutRevokesTheToken() {
        String token = AdminApi.login(AdminApi.EMAIL, AdminApi.PASSWORD);

        given().header("Authorization", "Bearer " + token).post("/api/logout")
                .then().statusCode(204).header("Set-Cookie", containsString("Max-Age=0"));

        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
    }

    @Test
    void guardedEndpointsAnswer401WithoutAValidToken() {
        given().get("/api/posters").then().statusCode(401).contentType(ContentType.JSON)
                .body("message", equalTo("Unauthenticated."));
        given().header("Authorization", "Bearer not-a-token").get("/api/me").then().statusCode(401);
        given().header("Authorization", "Basic YWRtaW46cGFzc3dvcmQ=").get("/api/posters").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"title\":\"anonymous\"}").post("/api/posters")
                .then().statusCode(401);
        String token = AdminApi.login(AdminApi.EMAIL, AdminApi.PASSWORD);
        // the API takes no cookie, so other sites cannot use it
        given().cookie(Credentials.SESSION_COOKIE, token).get("/api/posters").then().statusCode(401);
    }

    @Test
    void nonAdminsAre403ButMayAskWhoTheyAre() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (User.byEmail("viewer@example.com").isEmpty()) {
                User viewer = new User();
                viewer.name = "Viewer";
                viewer.email = "viewer@example.com";
                viewer.password = hasher.hash("secret");
                viewer.admin = false;
                viewer.createdAt = Instant.now();
                viewer.updatedAt = viewer.createdAt;
                viewer.persist();
            }
        });
        String token = AdminApi.login("viewer@example.com", "secret");

        given().header("Authorization", "Bearer " + token).get("/api/posters")
                .then().statusCode(403).contentType(ContentType.JSON)
                .body("message", equalTo("This action is unauthorized."));
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200)
                .body("name", equalTo("Viewer"));
    }
}
