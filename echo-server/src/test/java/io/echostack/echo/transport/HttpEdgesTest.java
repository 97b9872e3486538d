package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.events.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP surface around socket.io: health check, preflight, the polling body limits, and the websocket frames a
 * strict client (the JDK's) sees from {@link FrameWriter}: text packets, PONG for PING, the close handshake; and what
 * it may send: a message in fragments, not one over the size limit.
 */
class HttpEdgesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @Test
    void rootAnswersOkLikeTheReferenceHealthCheck() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("OK");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void aPollingHandshakeWorksForBothProtocols() throws Exception {
        HttpResponse<String> eio3 = get("/socket.io/?EIO=3&transport=polling&t=1");
        HttpResponse<String> eio4 = get("/socket.io/?EIO=4&transport=polling&t=1");

        assertThat(eio3.statusCode()).isEqualTo(200);
        assertThat(eio3.body()).matches("\\d+:0\\{.*");
        assertThat(eio4.statusCode()).isEqualTo(200);
        assertThat(eio4.body()).startsWith("0{");
        for (HttpResponse<String> handshake : List.of(eio3, eio4)) {
            JsonNode open = openPacket(handshake.body());
            assertThat(open.path("pingInterval").asLong()).isEqualTo(25_000);
            assertThat(open.path("pingTimeout").asLong()).isEqualTo(60_000);
            assertThat(open.path("upgrades").toString()).isEqualTo("[\"websocket\"]");
        }
    }

    /** The JSON of the engine.io OPEN packet at the start of a handshake payload ({@code [<len>:]0{...}}). */
    private static JsonNode openPacket(String payload) throws Exception {
        String open = payload.substring(payload.indexOf("0{") + 1);
        return Json.mapper().readTree(open.substring(0, open.indexOf('}') + 1));
    }

    /** Neither Node server (socket.io 2 or 4, Express) names itself; Jetty's {@code Server: Jetty(…)} is off. */
    @Test
    void noAnswerNamesTheServer() throws Exception {
        for (String path : List.of("/", "/socket.io/?EIO=4&transport=polling&t=1", "/socket.io/?EIO=3&transport=polling",
                "/apps/app/status", "/nothing-here")) {
            assertThat(get(path).headers().map()).as(path).doesNotContainKey("server");
        }
        String upgrade = rawHead("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        assertThat(upgrade).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("\r\nServer:");
    }

    @Test
    void preflightIsAnsweredWithCorsHeaders() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/socket.io/?EIO=4&transport=polling&sid=x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://app.test")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://app.test");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");
    }

    @Test
    void aPollingPostDeclaringAHugeBodyIsRefusedBeforeItIsRead() throws Exception {
        String status = rawRequest("POST /socket.io/?EIO=4&transport=polling&sid=abc HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 400000000\r\n\r\n");

        assertThat(status).contains(" 413 ");
    }

    @Test
    void aPollingPostWithoutContentLengthIsRefused() throws Exception {
        String status = rawRequest("POST /socket.io/?EIO=4&transport=polling&sid=abc HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n");

        assertThat(status).contains(" 400 ");
    }

    @Test
    void aWebSocketPingIsAnsweredAndTheCloseHandshakeCompletes() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        WebSocket webSocket = openWebSocket(recorder);

        webSocket.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)));
        assertThat(recorder.pongs.poll(10, TimeUnit.SECONDS)).isEqualTo("are you there");
        webSocket.sendText("40", true); // socket.io CONNECT on the default namespace
        assertThat(recorder.texts.poll(10, TimeUnit.SECONDS)).startsWith("40{\"sid\":");

        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        assertThat(recorder.closed.get(10, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    @Test
    void aMessageSentInFragmentsIsJoinedIntoOnePacket() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        WebSocket webSocket = openWebSocket(recorder);

        webSocket.sendText("4", false).get(10, TimeUnit.SECONDS);
        webSocket.sendText("0", true).get(10, TimeUnit.SECONDS); // together: socket.io CONNECT

        assertThat(recorder.texts.poll(10, TimeUnit.SECONDS)).startsWith("40{\"sid\":");
        webSocket.abort();
    }

    @Test
    void aWebSocketMessageOverTheLimitClosesTheConnectionAsTooLarge() throws Exception {
        FrameRecorder recorder = new FrameRecorder();
        WebSocket webSocket = openWebSocket(recorder);

        String half = "4" + "x".repeat((int) EngineIoServlet.MAX_POLLING_BODY / 2);
        webSocket.sendText(half, false).get(10, TimeUnit.SECONDS);
        webSocket.sendText(half, true).get(10, TimeUnit.SECONDS);

        assertThat(recorder.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1009); // RFC 6455: message too big
    }

    /** Opens an EIO=4 websocket and checks engine.io's OPEN packet arrived. */
    private static WebSocket openWebSocket(FrameRecorder recorder) throws Exception {
        WebSocket webSocket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(echo.url().replace("http", "ws") + "/socket.io/?EIO=4&transport=websocket"), recorder)
                .get(10, TimeUnit.SECONDS);
        assertThat(recorder.texts.poll(10, TimeUnit.SECONDS)).startsWith("0{\"sid\":");
        return webSocket;
    }

    /** What the server sent, frame by frame. */
    private static final class FrameRecorder implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            texts.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pongs.add(StandardCharsets.UTF_8.decode(message).toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }
    }

    private static String rawRequest(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", echo.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    /** The status line and headers of the answer to a raw request. */
    private static String rawHead(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", echo.port())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(line).append("\r\n");
            }
            return answer.toString();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(echo.url() + path);
    }
}
