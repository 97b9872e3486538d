package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code socketio} options laravel-echo-server hands to socket.io 2 and we honour: {@code path} (clients connect
 * there, and only there) and {@code origins} (handshakes from other pages are refused as engine.io 3 refuses them).
 */
class SocketIoOptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PATH = "/ws/socket.io";
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass(
            "\"socketio\": {\"path\": \"" + PATH + "/\", \"origins\": \"http://app.test:*\"},");

    static Stream<Arguments> clients() {
        return Stream.of(EchoGeneration.values())
                .flatMap(generation -> Stream.of(Transports.values()).map(t -> Arguments.of(generation, t)));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("clients")
    void aClientOfAnAllowedPageConnectsOnTheConfiguredPath(EchoGeneration generation, Transports transports) {
        try (EchoClient client = EchoClient.builder(generation, echo.url()).path(PATH).channel("news")
                .event(".published").handshakeHeader("Origin", "http://app.test:8080").transports(transports)
                .start()) {
            client.awaitSocketId(WAIT);
            echo.awaitSubscribers("news", 1);

            echo.publish(RunningEchoServer.PREFIX + "news", "{\"event\":\"published\",\"data\":{\"id\":1}}");

            assertThat(client.awaitEvent("news", ".published", WAIT).get("data").toString()).isEqualTo("{\"id\":1}");
        }
    }

    @Test
    void theDefaultPathIsNotSocketIoAnyMore() throws Exception {
        assertThat(get("/socket.io/?EIO=4&transport=polling", "http://app.test").statusCode()).isEqualTo(404);
        assertThat(get(PATH + "/socket.io.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aPollingHandshakeFromAnotherPageIsForbidden() throws Exception {
        HttpResponse<String> refused = get(PATH + "/?EIO=3&transport=polling", "http://evil.test");
        HttpResponse<String> byReferer =
                getWithReferer(PATH + "/?EIO=4&transport=polling", "http://app.test/dashboard");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
        assertThat(byReferer.statusCode()).isEqualTo(200);
        assertThat(byReferer.body()).startsWith("0{");
    }

    @Test
    void aWebSocketHandshakeFromAnotherPageIsRefused() {
        URI uri = URI.create(echo.url().replace("http", "ws") + PATH + "/?EIO=4&transport=websocket");

        assertThatThrownBy(() -> HTTP.newWebSocketBuilder().header("Origin", "http://evil.test")
                .buildAsync(uri, new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(400));
    }

    @Test
    void aWebSocketHandshakeFromAnAllowedPageOpens() throws Exception {
        URI uri = URI.create(echo.url().replace("http", "ws") + PATH + "/?EIO=4&transport=websocket");

        WebSocket socket = HTTP.newWebSocketBuilder().header("Origin", "http://app.test")
                .buildAsync(uri, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        socket.abort();
    }

    private static HttpResponse<String> get(String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(echo.url() + path));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> getWithReferer(String path, String referer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + path)).header("Referer", referer).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
