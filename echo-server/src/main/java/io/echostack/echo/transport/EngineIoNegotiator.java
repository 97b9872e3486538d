package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.utils.ParseQS;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

/**
 * Accepts websocket upgrades on {@code /socket.io/} for engine.io, on Jetty's websocket core. Keeps nothing of the
 * upgrade request but its query and a copy of its headers, so the HTTP exchange (~5 KB) is collected once upgraded:
 * Jetty's websocket API session (jetty-websocket-jetty-server 12.1) keeps a view of the servlet response's headers,
 * and with it the whole exchange, for as long as the connection is open. permessage-deflate is refused: it costs 2–3×
 * CPU for no gain on small Laravel payloads.
 */
final class EngineIoNegotiator implements WebSocketNegotiator {
    private static final Set<HttpHeader> HANDSHAKE_HEADERS = EnumSet.of(HttpHeader.CONNECTION, HttpHeader.UPGRADE,
            HttpHeader.SEC_WEBSOCKET_KEY, HttpHeader.SEC_WEBSOCKET_VERSION, HttpHeader.SEC_WEBSOCKET_EXTENSIONS,
            HttpHeader.SEC_WEBSOCKET_SUBPROTOCOL);

    private final EngineIoServer engineIo;
    private final Duration idleTimeout;
    private final Executor closer;
    private final ActiveWebSockets webSockets;

    EngineIoNegotiator(EngineIoServer engineIo, Duration idleTimeout, Executor closer, ActiveWebSockets webSockets) {
        this.engineIo = engineIo;
        this.idleTimeout = idleTimeout;
        this.closer = closer;
        this.webSockets = webSockets;
    }

    @Override
    public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        response.setExtensions(List.of());
        // Immutable copies are compact (one array): a HashMap costs ~200 bytes more for the connection's lifetime.
        return new JettyEngineIoWebSocket(engineIo, Map.copyOf(ParseQS.decode(request.getHttpURI().getQuery())),
                copyOf(request.getHeaders()), closer, webSockets);
    }

    /**
     * A plain copy: the request's HttpFields, and copies Jetty makes of them, keep a reference to its HTTP connection.
     * The websocket handshake's own headers are left out: nothing after the upgrade reads them (auth forwards the
     * Cookie and the allowed headers), and they were ~5 of a connection's kept headers.
     */
    private static Map<String, List<String>> copyOf(HttpFields fields) {
        Map<String, List<String>> copy = new HashMap<>();
        for (HttpField field : fields) {
            if (!HANDSHAKE_HEADERS.contains(field.getHeader())) {
                copy.merge(field.getName(), List.of(field.getValue()),
                        (earlier, next) -> Stream.concat(earlier.stream(), next.stream()).toList());
            }
        }
        return Map.copyOf(copy);
    }

    @Override
    public void customize(Configuration configuration) {
        configuration.setIdleTimeout(idleTimeout);
        configuration.setMaxTextMessageSize(EngineIoServlet.MAX_POLLING_BODY);
        configuration.setMaxBinaryMessageSize(EngineIoServlet.MAX_POLLING_BODY);
    }
}
