package io.echostack.api.poster;

import static io.echostack.api.AdminApi.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.echostack.api.ServersResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis unreachable: a clear 503 JSON answer, the service stays up and says it is not ready. */
@QuarkusTest
@TestProfile(RedisDownTest.RedisUnreachable.class)
class RedisDownTest {

    public static class RedisUnreachable implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ServersResource.class,
                    Map.of(ServersResource.REDIS, ServersResource.UNREACHABLE)));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("echo.redis.timeout", "2s");
        }
    }

    @Test
    void answers503AndReportsNotReady() {
        asAdmin().contentType(ContentType.JSON).body("{\"title\":\"lost broadcast\"}")
                .when().post("/api/posters")
                .then().statusCode(503)
                .contentType(ContentType.JSON)
                .body("message", equalTo("The broadcast queue (Redis) is unavailable."));

        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
