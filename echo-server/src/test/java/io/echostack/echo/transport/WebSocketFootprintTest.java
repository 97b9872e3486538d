package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.auth.HandshakeHeaders;
import io.socket.socketio.server.SocketIoSocket;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An open websocket keeps nothing of its HTTP upgrade exchange (Jetty's HTTP connection, parser, servlet request and
 * response: ~5 KB per connection) but the request headers read later. Jetty's websocket API session kept all of it
 * through a view of the response's headers, and copies of the request's header list keep its HTTP connection;
 * {@link EngineIoNegotiator} avoids both. engine.io's listeners on our websocket sit in fields, not in Emitter's
 * concurrent map and queues ({@link LeanEngineIoWebSocket}).
 * Counted in the live heap (this JVM runs the server), as {@code jmap -histo:live} would.
 */
class WebSocketFootprintTest {
    private static final int CONNECTIONS = 40;
    private static final String HTTP_CONNECTION = "org.eclipse.jetty.server.internal.HttpConnection";
    private static final String LISTENER_QUEUE = "java.util.concurrent.ConcurrentLinkedQueue";
    private final Set<String> handshakeCookies = ConcurrentHashMap.newKeySet();
    private final Set<String> keptHeaderNames = ConcurrentHashMap.newKeySet();
    private SocketIoHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SocketIoHttpServer("127.0.0.1", 0, SocketIoSettings.defaults(), Set.of("cookie"),
                null);
        server.namespace().on("connection", args -> {
            var headers = ((SocketIoSocket) args[0]).getInitialHeaders();
            handshakeCookies.add(HandshakeHeaders.first(headers, "cookie"));
            headers.keySet().forEach(name -> keptHeaderNames.add(name.toLowerCase(Locale.ROOT)));
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    /** engine.io 3 (socket.io 2 clients) and 4 (socket.io 4 clients). */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void openWebSocketsKeepTheirRequestHeadersButNeitherTheUpgradeExchangeNorListenerQueues(int eio) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=" + eio + "&transport=websocket");
        long before = liveInstances(HTTP_CONNECTION);
        long listenerQueuesBefore = liveInstances(LISTENER_QUEUE);
        List<WebSocket> webSockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                OpenPacket open = new OpenPacket();
                webSockets.add(http.newWebSocketBuilder().header("Cookie", "laravel_session=" + i)
                        .header("Accept-Language", "en")
                        .buildAsync(uri, open).get(10, TimeUnit.SECONDS));
                assertThat(open.text.get(10, TimeUnit.SECONDS)).startsWith("0{\"sid\":");
                if (eio == 4) {
                    webSockets.get(i).sendText("40", true); // socket.io CONNECT (socket.io 2 connects "/" unasked)
                }
            }

            assertThat(server.webSocketSessions()).isEqualTo(CONNECTIONS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> handshakeCookies.size() == CONNECTIONS);
            assertThat(handshakeCookies).contains("laravel_session=0", "laravel_session=" + (CONNECTIONS - 1));
            assertThat(keptHeaderNames).as("only the headers read after the upgrade are kept (the client also sent Host,"
                    + " Accept-Language, User-Agent, Connection, Upgrade, Sec-WebSocket-*)").containsExactly("cookie");
            assertThat(liveInstances(HTTP_CONNECTION) - before).as("HTTP connections kept by open websockets")
                    .isLessThan(CONNECTIONS / 4);
            // 11 per connection are engine.io's, socket.io's and this test's JDK client's own; the three listeners
            // engine.io's transport puts on our websocket cost three more (14) in Emitter's queues, none in fields;
            // engine.io 3's CONNECT packet rewrite one more until it removes its emptied queue (Eio3ConnectPacket).
            assertThat(liveInstances(LISTENER_QUEUE) - listenerQueuesBefore)
                    .as("listener queues kept by open websockets (LeanEngineIoWebSocket)")
                    .isLessThanOrEqualTo(11L * CONNECTIONS);
        } finally {
            webSockets.forEach(WebSocket::abort);
        }
    }

    /** Instances of {@code className} left after a full GC, from the JVM's own class histogram. */
    private static long liveInstances(String className) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return histogram.lines().map(String::trim).map(line -> line.split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].equals(className))
                .mapToLong(columns -> Long.parseLong(columns[1])).sum();
    }

    /** Waits for engine.io's OPEN packet, the first frame of a websocket handshake. */
    private static final class OpenPacket implements WebSocket.Listener {
        final CompletableFuture<String> text = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.complete(data.toString());
            return null;
        }
    }
}
