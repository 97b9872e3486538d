package io.echostack.echo.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine.io sessions whose transport is one of our websockets, by engine.io session id. A broadcast writes the
 * shared frame straight to these instead of going through engine.io's per-socket send (a lock, event listeners, a
 * packet object and a string encode per recipient). Polling sessions and sessions still probing an upgrade are not
 * listed and keep going through engine.io, which buffers for them.
 */
final class ActiveWebSockets {
    private final Map<String, JettyEngineIoWebSocket> bySessionId = new ConcurrentHashMap<>();

    void put(String sessionId, JettyEngineIoWebSocket webSocket) {
        bySessionId.put(sessionId, webSocket);
    }

    void remove(String sessionId, JettyEngineIoWebSocket webSocket) {
        bySessionId.remove(sessionId, webSocket);
    }

    int size() {
        return bySessionId.size();
    }

    /** The websocket carrying this session, or null while it is on polling (or gone). */
    JettyEngineIoWebSocket get(String sessionId) {
        return bySessionId.get(sessionId);
    }
}
