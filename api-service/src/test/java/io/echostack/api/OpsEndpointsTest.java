package io.echostack.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** OpenAPI document, Swagger UI and Prometheus metrics are served. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class OpsEndpointsTest {

    @Test
    void describesTheApiInOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/posters'", notNullValue())
                .body("paths.'/broadcasting/auth'", notNullValue())
                .body("paths.'/api/queue/failed/{uuid}/retry'", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/api/me").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count{"));
    }
}
