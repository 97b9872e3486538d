package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
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
     * Whether the session can take one more packet. Called on the thread that then sends the packet and reports it
     * with {@link #sent}. @return false once {@link #MAX_PACKETS} wait for the client's next poll: the session is
     * being closed and the packet must be dropped
     */
    boolean hasRoom(EngineIoSocket session) {
        AtomicInteger count = counter(session);
        if (count.get() < MAX_PACKETS) {
            return true;
        }
        if (count.compareAndSet(MAX_PACKETS, MAX_PACKETS + 1)) {
            LOG.warn("polling client {} is {} messages behind; disconnecting it", session.getId(), MAX_PACKETS);
            // engine.io's close may wait on the client's poll response: never on the sending thread.
            closer.execute(session::close);
        }
        return false;
    }

    /**
     * Counts a packet handed to the session. Counting after the send errs on the safe side: a poll flushing between
     * the two leaves the count one too high until the next flush, never too low.
     */
    void sent(EngineIoSocket session) {
        counter(session).incrementAndGet();
    }

    private AtomicInteger counter(EngineIoSocket session) {
        AtomicInteger count = queued.get(session);
        return count != null ? count : track(session);
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
        if (session.getReadyState() == ReadyState.CLOSED) {
            queued.remove(session); // closed before the listener was there
        }
        return fresh;
    }
}
