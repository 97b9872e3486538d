package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * engine.io-server writes a poll's response with a blocking write on the thread that sends to the session. A polling
 * client that reads its response slowly (a slow network, a big backlog) or not at all must not hold up broadcasts to
 * everyone else: websocket clients keep getting theirs while a poll response waits for a client that does not read.
 */
class PollingWriteIsolationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SID = Pattern.compile("\"sid\": ?\"([^\"]+)\"");

    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @Test
    void aPollingClientThatDoesNotReadItsResponseDoesNotHoldUpWebSocketClients() throws Exception {
        String sid = pollingSessionSubscribedTo("unread_room");
        try (EchoClient webSocket = EchoClient.builder(EchoGeneration.ECHO_2, echo.url())
                .channel("marker_room").event(".backend_poster").transports(Transports.WEBSOCKET).start();
             Socket stalled = new Socket()) {
            webSocket.awaitSocketId(WAIT);
            echo.awaitSubscribers("marker_room", 1);
            // A poll from a client with a small window that never reads: the response below cannot be written out.
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", echo.port()));
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /socket.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            Thread.sleep(500); // the poll is pending on the server

            echo.publish(RunningEchoServer.PREFIX + "unread_room", "{\"event\":\"backend_poster\",\"data\":{\"padding\":\""
                    + "x".repeat(16 * 1024 * 1024) + "\"},\"socket\":null}");
            echo.publish(RunningEchoServer.PREFIX + "marker_room", "{\"event\":\"backend_poster\",\"data\":{\"n\":1},\"socket\":null}");

            assertThat(webSocket.awaitEvent("marker_room", ".backend_poster", WAIT).path("data").path("n").asInt())
                    .isEqualTo(1);
        }
    }

    /** engine.io polling handshake, socket.io CONNECT and a subscribe, over plain HTTP. @return the session id */
    private static String pollingSessionSubscribedTo(String channel) throws Exception {
        String handshake = get("/socket.io/?EIO=4&transport=polling");
        Matcher open = SID.matcher(handshake);
        assertThat(open.find()).as(handshake).isTrue();
        String sid = open.group(1);
        String session = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        assertThat(post(session, "40")).isEqualTo("ok");
        assertThat(get(session)).startsWith("40");
        assertThat(post(session, "42[\"subscribe\",{\"channel\":\"" + channel + "\",\"auth\":{\"headers\":{}}}]"))
                .isEqualTo("ok");
        echo.awaitSubscribers(channel, 1);
        return sid;
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + path)).timeout(WAIT)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
