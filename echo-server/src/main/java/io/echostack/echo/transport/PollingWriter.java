package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands broadcasts to polling sessions on a thread of its own. engine.io-server writes a waiting poll's response with a
 * blocking write on the thread that sends to the session, so a client that reads it slowly (a slow network, a big
 * backlog) or not at all would hold up the broadcasting thread, and every websocket client with it, until Jetty's
 * idle timeout fails the write. One thread keeps each session's packets in order; such a client holds up only the
 * other polling clients. {@link PollingBacklog} bounds what waits per session, counted on this same thread so that
 * the count never falls behind the packets engine.io holds.
 */
final class PollingWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollingWriter.class);

    private final PollingBacklog backlog;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "polling-writer");
        writer.setDaemon(true);
        return writer;
    });

    PollingWriter(PollingBacklog backlog) {
        this.backlog = backlog;
    }

    /**
     * Queues an engine.io MESSAGE with this socket.io packet for the session (dropped if it closes meanwhile or is
     * too far behind).
     */
    void send(EngineIoSocket session, String socketIoPacket) {
        thread.execute(() -> {
            try {
                if (backlog.hasRoom(session)) {
                    session.send(new Packet<>(Packet.MESSAGE, socketIoPacket));
                    backlog.sent(session);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not send to polling session {}: {}", session.getId(), e.toString());
            }
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
