package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what engine.io-server buffers for a polling client between two polls: its write buffer has no limit, so a
 * frozen or vanished polling client would hold every broadcast until its ping timeout. A client more than
 * {@link #MAX_PACKETS} broadcasts behind its last poll is closed and gets nothing more queued. (Websocket clients are
 * bounded by {@link FrameWriter}.)
 */
final class PollingBacklog {
    static final int MAX_PACKETS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(PollingBacklog.class);

    private final Map<EngineIoSocket, AtomicInteger> queued = new ConcurrentHashMap<>();
    private final Executor closer;

    PollingBacklog(Executor closer) {
        this.closer = closer;
    }

    /**
     * Counts one more packet for this polling session. @return false once the session is too far behind: it is being
     * closed and the packet must be dropped
     */
    boolean admit(EngineIoSocket session) {
        AtomicInteger count = queued.get(session);
        if (count == null) {
            count = track(session);
        }
        int pending = count.incrementAndGet();
        if (pending <= MAX_PACKETS) {
            return true;
        }
        if (pending == MAX_PACKETS + 1) {
            LOG.warn("polling client {} is {} messages behind; disconnecting it", session.getId(), MAX_PACKETS);
            // engine.io's close may wait on the client's poll response: never on the broadcasting thread.
            closer.execute(session::close);
        }
        return false;
    }

    /** Sessions being counted (polling sessions that got a broadcast and are not closed yet). */
    int size() {
        return queued.size();
    }

    private AtomicInteger track(EngineIoSocket session) {
        AtomicInteger fresh = new AtomicInteger();
        AtomicInteger existing = queued.putIfAbsent(session, fresh);
        if (existing != null) {
            return existing;
        }
        // engine.io emits "flush" when it hands its buffer to a waiting poll (or to the websocket after an upgrade).
        session.on("flush", (socket, args) -> fresh.set(0));
        session.on("close", (socket, args) -> queued.remove(session));
        if (session.getReadyState() == io.socket.engineio.server.ReadyState.CLOSED) {
            queued.remove(session); // closed before the listener was there
        }
        return fresh;
    }
}
