package io.echostack.echo.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * engine.io heartbeat timing from the {@code socketio} config object. Defaults 25 s / 60 s: engine.io-server 6.3.2
 * sends EIO3 clients a server ping after a websocket upgrade, which they never answer, so a {@code pingTimeout} not
 * above {@code pingInterval} disconnects every upgraded socket.io-client 2.x after interval+timeout (45 s with the
 * library defaults). A configured timeout below twice the interval is raised to that for this reason.
 */
public record HeartbeatSettings(long pingIntervalMillis, long pingTimeoutMillis) {
    public static final long DEFAULT_PING_INTERVAL = 25_000;
    public static final long DEFAULT_PING_TIMEOUT = 60_000;

    public static HeartbeatSettings from(JsonNode socketio) {
        long interval = positive(socketio, "pingInterval", DEFAULT_PING_INTERVAL);
        long timeout = positive(socketio, "pingTimeout", DEFAULT_PING_TIMEOUT);
        return new HeartbeatSettings(interval, Math.max(timeout, 2 * interval));
    }

    /** Longer than a full heartbeat cycle, so Jetty never drops a connection engine.io still considers alive. */
    public Duration idleTimeout() {
        return Duration.ofMillis(pingIntervalMillis + pingTimeoutMillis + 30_000);
    }

    private static long positive(JsonNode socketio, String key, long fallback) {
        JsonNode value = socketio == null ? null : socketio.get(key);
        return value != null && value.canConvertToLong() && value.asLong() > 0 ? value.asLong() : fallback;
    }
}
