package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.utils.ParseQS;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

/**
 * Accepts websocket upgrades on {@code socketio.path} for engine.io (handshakes only from pages
 * {@code socketio.origins} allows), on Jetty's websocket core. Keeps nothing of the upgrade request but its query
 * (see {@link WebSocketUpgrades}) and a copy of the headers read later (a browser's User-Agent, Accept-* and the like
 * are ~1 KB per connection), so the HTTP exchange (~5 KB) is collected once upgraded:
 * Jetty's websocket API session (jetty-websocket-jetty-server 12.1) keeps a view of the servlet response's headers,
 * and with it the whole exchange, for as long as the connection is open. permessage-deflate is refused: it costs 2–3×
 * CPU for no gain on small Laravel payloads.
 */
final class EngineIoNegotiator implements WebSocketNegotiator {
    /** The query keys and values engine.io clients send: one shared copy instead of one per connection. */
    private static final Map<String, String> QUERY_WORDS = Stream.of("EIO", "3", "4", "transport", "websocket", "sid",
            "t", "b64").collect(Collectors.toUnmodifiableMap(word -> word, word -> word));

    private final EngineIoServer engineIo;
    private final Duration idleTimeout;
    private final AllowedOrigins origins;
    private final Set<String> keptHeaders;
    private final Executor closer;
    private final ActiveWebSockets webSockets;

    /** @param keptHeaders lower-case names of the headers to keep */
    EngineIoNegotiator(EngineIoServer engineIo, Duration idleTimeout, AllowedOrigins origins, Set<String> keptHeaders,
                       Executor closer, ActiveWebSockets webSockets) {
        this.engineIo = engineIo;
        this.idleTimeout = idleTimeout;
        this.origins = origins;
        this.keptHeaders = keptHeaders;
        this.closer = closer;
        this.webSockets = webSockets;
    }

    @Override
    public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Map<String, String> query = queryOf(request);
        HttpFields headers = request.getHeaders();
        if (!query.containsKey("sid")
                && !origins.allows(headers.get(HttpHeader.ORIGIN), headers.get(HttpHeader.REFERER))) {
            // engine.io 3's answer to a websocket handshake its allowRequest (socket.io's origins check) refused.
            response.setStatus(HttpStatus.BAD_REQUEST_400);
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return null;
        }
        response.setExtensions(List.of());
        return new JettyEngineIoWebSocket(engineIo, query, copyOf(headers), closer, webSockets);
    }

    /** Immutable copies are compact (one array): a HashMap costs ~200 bytes more for the connection's lifetime. */
    private static Map<String, String> queryOf(ServerUpgradeRequest request) {
        String query = WebSocketUpgrades.query(request);
        if (query == null) {
            return Map.of();
        }
        Map<String, String> parameters = new HashMap<>();
        ParseQS.decode(query).forEach((name, value) ->
                parameters.put(QUERY_WORDS.getOrDefault(name, name), QUERY_WORDS.getOrDefault(value, value)));
        return Map.copyOf(parameters);
    }

    /** A plain copy: the request's HttpFields, and Jetty's copies of them, keep a reference to its HTTP connection. */
    private Map<String, List<String>> copyOf(HttpFields fields) {
        Map<String, List<String>> copy = new HashMap<>();
        for (HttpField field : fields) {
            if (keptHeaders.contains(field.getLowerCaseName())) {
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
