package io.echostack.echo.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which credentials the HTTP API takes, as laravel-echo-server's {@code canAccess}: the first client of the appId,
 * the key from a non-empty Authorization header else from the query (once), never from a form body.
 */
class ApiCredentialsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EVENT = "{\"name\":\"e\",\"data\":{\"n\":1},\"channel\":\"credentials_room\"}";
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass(
            "\"clients\": [{\"appId\": \"app1\", \"key\": \"key1\"}, "
            + "{\"appId\": \"app1\", \"key\": \"key2\"}, {\"appId\": \"a b\", \"key\": \"k/+ x\"}],");

    @Test
    void onlyTheFirstClientWithTheAppIdCounts() throws Exception {
        assertThat(status(get("/apps/app1/status?auth_key=key1"))).isEqualTo(200);
        assertThat(status(get("/apps/app1/status?auth_key=key2"))).isEqualTo(403);
        assertThat(status(get("/apps/app1/status").header("Authorization", "Bearer key2"))).isEqualTo(403);
        assertThat(status(get("/apps/a%20b/status?auth_key=k%2F%2B+x"))).isEqualTo(200);
    }

    @Test
    void anEmptyAuthorizationHeaderIsNoHeader() throws Exception {
        assertThat(status(get("/apps/app1/status?auth_key=key1").header("Authorization", ""))).isEqualTo(200);
        assertThat(status(get("/apps/app1/status?auth_key=key1").header("Authorization", "Bearer ")))
                .isEqualTo(403);
    }

    @Test
    void anAuthKeyGivenTwiceOrEmptyIsRefused() throws Exception {
        assertThat(status(get("/apps/app1/status?auth_key=key1&auth_key=key1"))).isEqualTo(403);
        assertThat(status(get("/apps/app1/status?auth_key="))).isEqualTo(403);
    }

    /** {@code curl -d} sends the JSON as {@code application/x-www-form-urlencoded}. */
    @Test
    void thePublisherReadsTheKeyFromTheQueryWhateverTheContentType() throws Exception {
        HttpResponse<String> published = HTTP.send(formPost("/apps/app1/events?auth_key=key1", EVENT),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).isEqualTo("{\"message\":\"ok\"}");

        HttpResponse<String> keyInBody = HTTP.send(formPost("/apps/app1/events", "auth_key=key1"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(keyInBody.statusCode()).isEqualTo(403);

        HttpResponse<String> bigWithoutKey = HTTP.send(formPost("/apps/app1/events", "a=" + "x".repeat(2 << 20)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bigWithoutKey.statusCode()).isEqualTo(403);
        assertThat(bigWithoutKey.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(echo.url() + path));
    }

    private static HttpRequest formPost(String path, String body) {
        return HttpRequest.newBuilder(URI.create(echo.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static int status(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
