package io.echostack.api.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.echostack.api.ServersResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The page shell and its bundled script are served from the jar (no CDN). */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class AdminPageTest {

    @Test
    void servesThePageForItsDeepLinks() {
        for (String path : new String[] {"/admin", "/admin/posters/12/edit"}) {
            given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("<meta name=\"echo-url\" content=\"\">"))
                    .body(containsString("/admin-assets/admin.js"));
        }
    }

    @Test
    void servesTheBundledScriptWithLaravelEchoAndSocketIo() {
        given().get("/admin-assets/admin.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("presence:subscribed"))
                .body(containsString("X-Socket-ID"));
        given().get("/admin-assets/admin.css").then().statusCode(200);
    }
}
