package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.events.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The socket.io CONNECT packet on the wire: socket.io 2's bare {@code 40} for engine.io 3 clients (socket.io-client
 * 2.5.0's browser build refuses anything else), socket.io 3+'s {@code 40{"sid":"…"}} for engine.io 4 clients.
 */
class ConnectPacketTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @Test
    void overWebSocketEio3GetsTheBareConnectAndEio4TheOneWithItsSid() throws Exception {
        assertThat(webSocketMessages("3")).containsExactly("40");
        assertThat(webSocketMessages("4")).singleElement().asString().matches("40\\{\"sid\":\"[^\"]+\"}");
    }

    @Test
    void overPollingEio3GetsTheBareConnect() throws Exception {
        String handshake = get("/socket.io/?EIO=3&transport=polling&t=1");
        String sid = Json.mapper().readTree(handshake.substring(handshake.indexOf('{'))).get("sid").asText();

        assertThat(get("/socket.io/?EIO=3&transport=polling&t=2&sid=" + sid)).isEqualTo("2:40");
    }

    /** The messages after the OPEN packet of a websocket handshake of this engine.io protocol version. */
    private static List<String> webSocketMessages(String eio) throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(
                URI.create(echo.url().replace("http", "ws") + "/socket.io/?EIO=" + eio + "&transport=websocket"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            assertThat(messages.poll(10, TimeUnit.SECONDS)).startsWith("0{");
            if (eio.equals("4")) {
                socket.sendText("40", true); // socket.io 3+ clients ask to join "/"; socket.io 2 joins it at once
            }
            String connect = messages.poll(10, TimeUnit.SECONDS);
            return connect == null ? List.of() : List.of(connect);
        } finally {
            socket.abort();
        }
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
