package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * socket.io-client's browser build where laravel-echo-server's README has pages load it
 * ({@code <script src="//host:6001/socket.io/socket.io.js">}), with socket.io 2.5's headers and ETag; and TRACE
 * refused (a servlet would echo the request's Cookie back).
 */
class ClientScriptTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @Test
    void servesSocketIoClient25WithItsEtagAndCacheHeaders() throws Exception {
        HttpResponse<String> script = get("/socket.io/socket.io.js?v=1", null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/javascript"));
        assertThat(script.headers().firstValue("ETag")).hasValue("\"2.5.0\"");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=0");
        assertThat(script.body()).startsWith("/*!\n * Socket.IO v2.5.0").contains("sourceMappingURL=socket.io.js.map");
        assertThat(script.body().length()).isEqualTo(62_783);

        assertThat(get("/socket.io/socket.io.js", "\"2.5.0\"").statusCode()).isEqualTo(304);
        assertThat(get("/socket.io/socket.io.js", "\"2.4.0\"").statusCode()).isEqualTo(200);
    }

    @Test
    void servesItsSourceMap() throws Exception {
        HttpResponse<String> map = get("/socket.io/socket.io.js.map", null);

        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(map.headers().firstValue("ETag")).hasValue("\"2.5.0\"");
        assertThat(map.body()).startsWith("{\"version\":3");
    }

    @Test
    void socketIoItselfStillAnswersBesideTheScript() throws Exception {
        assertThat(get("/socket.io/?EIO=4&transport=polling&t=1", null).body()).startsWith("0{");
    }

    @Test
    void traceIsRefusedEverywhere() throws Exception {
        for (String path : new String[] {"/", "/socket.io/?EIO=4&transport=polling", "/apps/x/status", "/health"}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + path))
                    .method("TRACE", HttpRequest.BodyPublishers.noBody()).header("Cookie", "laravel_session=secret")
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(405);
            assertThat(response.body()).as(path).doesNotContain("secret");
        }
    }

    private static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(echo.url() + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
