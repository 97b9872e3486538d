package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What socket.io-client 4 (engine.io protocol 4) gets, against Node's socket.io 4 server (engine.io 6.6) side by
 * side: the OPEN packet as Node writes it, with {@code maxPayload}, on both transports; {@code Cache-Control:
 * no-store}; and a session that exists as soon as its OPEN packet has arrived.
 */
class Eio4WireTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern SID = Pattern.compile("\"sid\": ?\"([^\"]+)\"");
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @Test
    void theEio4OpenPacketIsNodesWithMaxPayload() throws Exception {
        String eio4 = exchange("GET /socket.io/?EIO=4&transport=polling&t=1 HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        String eio3 = exchange("GET /socket.io/?EIO=3&transport=polling&t=1 HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(body(eio4)).matches("0\\{\"sid\":\"[\\w-]+\",\"upgrades\":\\[\"websocket\"],"
                + "\"pingInterval\":25000,\"pingTimeout\":60000,\"maxPayload\":1048576}");
        assertThat(eio4).containsIgnoringCase("\r\nContent-Length: " + body(eio4).length() + "\r\n")
                .containsIgnoringCase("\r\nCache-Control: no-store\r\n")
                .containsIgnoringCase("\r\nSet-Cookie: io=" + sid(eio4) + ";");
        // engine.io 3 (laravel-echo-server's socket.io 2) sent neither maxPayload nor Cache-Control
        assertThat(body(eio3)).matches("\\d+:0\\{\"sid\": \"[\\w-]+\", \"upgrades\": \\[\"websocket\"], "
                + "\"pingInterval\": 25000, \"pingTimeout\": 60000}");
        assertThat(eio3).doesNotContainIgnoringCase("Cache-Control");
    }

    /** The websocket handshake's OPEN packet is the same (a tool comparing the two transports sees one server). */
    @Test
    void theEio4OpenPacketOverAWebSocketIsNodesToo() throws Exception {
        assertThat(firstWebSocketText(4)).matches("0\\{\"sid\":\"[\\w-]+\",\"upgrades\":\\[],"
                + "\"pingInterval\":25000,\"pingTimeout\":60000,\"maxPayload\":1048576}");
        assertThat(firstWebSocketText(3)).matches("0\\{\"sid\": \"[\\w-]+\", \"upgrades\": \\[], "
                + "\"pingInterval\": 25000, \"pingTimeout\": 60000}");
    }

    @Test
    void pollsAndPostsOfEio4AreNotCached() throws Exception {
        String sid = sid(exchange(handshake(4)));

        String post = exchange(post(4, sid, "40"));
        String poll = exchange("GET /socket.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(post).startsWith("HTTP/1.1 200").containsIgnoringCase("\r\nCache-Control: no-store\r\n");
        assertThat(body(post)).isEqualTo("ok");
        assertThat(poll).startsWith("HTTP/1.1 200").containsIgnoringCase("\r\nCache-Control: no-store\r\n");
        assertThat(body(poll)).matches("40\\{\"sid\":\"[\\w-]+\"}");
    }

    /** Node's engine.io (3 and 4) writes its errors with JSON.stringify: no spaces. */
    @Test
    void engineIoErrorsAreNodesJson() throws Exception {
        for (int eio : List.of(3, 4)) {
            String polling = "/socket.io/?EIO=" + eio + "&transport=polling";
            assertThat(body(exchange("GET " + polling + "&sid=nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")))
                    .isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
            assertThat(body(exchange(post(eio, "nope", "40")))).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
            assertThat(body(exchange("GET /socket.io/?EIO=" + eio + "&transport=carrier-pigeon HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n"))).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
            assertThat(body(exchange("POST " + polling + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n40"))).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
        }
    }

    /** A body that is no engine.io payload is the client's fault: 400, as engine.io's other refusals, not a 500. */
    @Test
    void aPostEngineIoCannotDecodeIsABadRequest() throws Exception {
        for (String garbage : List.of("9", "")) {
            String sid = sid(exchange(handshake(4)));

            String answer = exchange(post(4, sid, garbage));

            assertThat(answer).as(garbage).startsWith("HTTP/1.1 400");
            assertThat(body(answer)).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
        }
    }

    /**
     * engine.io-server writes the OPEN packet before it registers the session: a client sending its next request the
     * moment the OPEN packet arrives (socket.io-client 4 POSTs its CONNECT beside its first poll) got 400 "Session ID
     * unknown" about once in 500 handshakes before the answer was held ({@link HeldHandshakeAnswer}).
     */
    @Test
    void aRequestSentAsSoonAsTheOpenPacketArrivesFindsItsSession() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> failures = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int eio = thread % 2 == 0 ? 4 : 3;
                failures.add(threads.submit(() -> handshakesThenAtOnce(eio, 500)));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> failure : failures) {
                all.addAll(failure.get());
            }
            assertThat(all).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * socket.io-client 4 splits what it POSTs to fit the handshake's {@code maxPayload}; without it, emits queued
     * while a POST was in flight went out as one body over the 1 MiB limit, got 413, and the client disconnected.
     */
    @Test
    void aBurstOfEmitsOverTheBodyLimitIsSplitByTheClientAndTheConnectionStays() throws Exception {
        try (EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, echo.url())
                .channel("burst_room").transports(Transports.POLLING).start()) {
            client.awaitType("connected", WAIT);
            echo.awaitSubscribers("burst_room", 1);
            String whisper = "emit \"client event\" {\"channel\":\"private-burst\",\"event\":\"client-x\","
                    + "\"data\":{\"p\":\"" + "x".repeat(60_000) + "\"}}";
            for (int i = 0; i < 40; i++) { // 2.4 MB, queued behind the first POST
                client.command(whisper);
            }
            await().atMost(WAIT).until(() -> client.lines().stream()
                    .filter(line -> line.path("type").asText().equals("emitted")).count() == 40);
            Thread.sleep(2_000); // the queued POSTs go out

            echo.publish(RunningEchoServer.PREFIX + "burst_room",
                    "{\"event\":\"backend_poster\",\"data\":{\"after\":\"burst\"}}");

            assertThat(client.awaitEvent("burst_room", ".backend_poster", WAIT).path("data").path("after").asText())
                    .isEqualTo("burst");
            assertThat(client.lines()).noneMatch(line -> line.path("type").asText().equals("disconnected"));
        }
    }

    /** The first text frame of a websocket handshake (engine.io's OPEN packet). */
    private static String firstWebSocketText(int eio) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + echo.port() + "/socket.io/?EIO=" + eio
                        + "&transport=websocket"), new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                first.complete(data.toString());
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        try {
            return first.get(10, TimeUnit.SECONDS);
        } finally {
            webSocket.abort();
        }
    }

    /** Handshakes, each followed by its first request on a connection opened beforehand; the answers that failed. */
    private static List<String> handshakesThenAtOnce(int eio, int count) throws IOException {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (Socket handshake = connect(); Socket next = connect()) {
                handshake.getOutputStream().write(handshake(eio).getBytes(StandardCharsets.US_ASCII));
                String sid = sid(readAnswer(handshake.getInputStream()));
                String request = eio == 4 ? post(4, sid, "40")
                        : "GET /socket.io/?EIO=3&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: x\r\n\r\n";
                next.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String answer = readAnswer(next.getInputStream());
                if (!answer.startsWith("HTTP/1.1 200")) {
                    failed.add("EIO=" + eio + ": " + answer);
                }
                // Closes the session at once (the CLOSE packet), so the server does not keep hundreds of them.
                try (Socket close = connect()) {
                    close.getOutputStream().write(post(eio, sid, eio == 4 ? "1" : "1:1")
                            .getBytes(StandardCharsets.US_ASCII));
                    readAnswer(close.getInputStream());
                }
            }
        }
        return failed;
    }

    private static String handshake(int eio) {
        return "GET /socket.io/?EIO=" + eio + "&transport=polling&t=x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    }

    private static String post(int eio, String sid, String body) {
        return "POST /socket.io/?EIO=" + eio + "&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", echo.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return readAnswer(socket.getInputStream());
        }
    }

    /** One HTTP answer with a Content-Length body, read as soon as its last byte arrives (not at the close). */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd = -1;
        int length = 0;
        while (headEnd < 0 || bytes.size() < headEnd + length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
            if (headEnd < 0 && bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                String head = bytes.toString(StandardCharsets.ISO_8859_1);
                headEnd = head.length();
                Matcher contentLength = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(head);
                length = contentLength.find() ? Integer.parseInt(contentLength.group(1)) : 0;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    private static String sid(String answer) {
        Matcher sid = SID.matcher(answer);
        assertThat(sid.find()).as("a sid in %s", answer).isTrue();
        return sid.group(1);
    }
}
