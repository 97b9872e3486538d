package io.echostack.echo.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code socketio} config object, which laravel-echo-server hands to socket.io 2's server as its options. Honoured:
 * {@code path} (default {@code /socket.io}, where clients connect), {@code origins} ({@link AllowedOrigins}),
 * {@code serveClient} (default true: socket.io-client's browser build at {@code <path>/socket.io.js}), the session
 * cookie ({@link SessionCookie}) and the heartbeat ({@link HeartbeatSettings}). The other socket.io/engine.io options
 * are not supported: see {@link #unsupportedKeys}.
 *
 * @param path   where socket.io is served, starting with {@code /}, no trailing slash
 * @param cookie the polling handshake's session cookie, or null for none
 */
public record SocketIoSettings(String path, AllowedOrigins origins, boolean serveClient, SessionCookie cookie,
                               HeartbeatSettings heartbeat) {
    public static final String DEFAULT_PATH = "/socket.io";
    private static final Set<String> SUPPORTED = Set.of("path", "origins", "serveClient", "cookie", "cookiePath",
            "cookieHttpOnly", "pingInterval", "pingTimeout");

    public static SocketIoSettings defaults() {
        return from(null);
    }

    public static SocketIoSettings from(JsonNode socketio) {
        JsonNode path = socketio == null ? null : socketio.get("path");
        JsonNode serveClient = socketio == null ? null : socketio.get("serveClient");
        return new SocketIoSettings(path == null || !path.isTextual() ? DEFAULT_PATH : normalized(path.asText()),
                AllowedOrigins.from(socketio == null ? null : socketio.get("origins")),
                serveClient == null || !serveClient.isBoolean() || serveClient.booleanValue(),
                SessionCookie.from(socketio), HeartbeatSettings.from(socketio));
    }

    /**
     * The keys of {@code socketio} this server ignores (e.g. {@code transports}, {@code allowUpgrades}), for a
     * warning.
     */
    public static List<String> unsupportedKeys(JsonNode socketio) {
        List<String> ignored = new ArrayList<>();
        if (socketio != null) {
            socketio.fieldNames().forEachRemaining(key -> {
                if (!SUPPORTED.contains(key)) {
                    ignored.add(key);
                }
            });
        }
        return ignored;
    }

    /** socket.io 2 drops one trailing slash; a path without its leading slash could never match a request. */
    private static String normalized(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
