package io.echostack.echo.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.echostack.events.json.Json;
import io.socket.engineio.server.EngineIoServer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.eclipse.jetty.websocket.core.internal.MessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine.io websocket connection over Jetty 12's websocket core (no Jetty websocket API session: it would keep the
 * whole upgrade exchange, ~5 KB per connection, see {@link EngineIoNegotiator}). Jetty reads the client's frames,
 * {@link MessageHandler} joins fragments into messages, and Jetty does the close handshake; every frame we send
 * (engine.io's packets, broadcasts, PONGs) goes through this connection's {@link FrameWriter}. engine.io calls
 * {@link #write} while holding its per-socket lock (and broadcasts call {@link #sendShared} from the Redis
 * subscriber's event loop), so sends never block and never throw: a failed send only schedules the disconnect on
 * another thread, which keeps engine.io's close/error handling out of the writer's call stack.
 * Once this websocket carries its engine.io session (handshaken over it, or the client's upgrade completed), it is
 * listed in {@link ActiveWebSockets} so broadcasts can bypass engine.io.
 */
final class JettyEngineIoWebSocket extends LeanEngineIoWebSocket implements FrameHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JettyEngineIoWebSocket.class);
    /** engine.io's answer to an upgrade probe: engine.io took this websocket as the session's next transport. */
    private static final String PROBE_ANSWER = "3probe";
    /** The client's UPGRADE packet: once engine.io processed it, the websocket is the session's transport. */
    private static final String UPGRADE_PACKET = "5";
    private static final String EIO4 = "4";

    private final EngineIoServer engineIo;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final Executor closer;
    private final ActiveWebSockets active;
    private final MessageHandler messages = MessageHandler.from(this::onText, this::onBinary);
    private volatile CoreSession session;
    private volatile FrameWriter frames;
    /** The engine.io session id: from the query for an upgrade, from engine.io's OPEN packet for a handshake. */
    private volatile String sid;
    private volatile boolean awaitingOpenPacket;
    private volatile boolean probeAnswered;

    JettyEngineIoWebSocket(EngineIoServer engineIo, Map<String, String> query, Map<String, List<String>> headers,
                           Executor closer, ActiveWebSockets active) {
        this.engineIo = engineIo;
        this.query = query;
        this.headers = headers;
        this.closer = closer;
        this.active = active;
        this.sid = query.get("sid");
        this.awaitingOpenPacket = sid == null;
    }

    /** engine.io takes the connection over first; completing {@code callback} then lets Jetty read the first frame. */
    @Override
    public void onOpen(CoreSession session, Callback callback) {
        this.session = session;
        EndPoint endPoint = ((WebSocketCoreSession) session).getConnection().getEndPoint();
        this.frames = new FrameWriter(endPoint, this::disconnectLater);
        engineIo.handleWebSocket(this);
        messages.onOpen(session, callback);
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        switch (frame.getOpCode()) {
            case OpCode.PING -> {
                send(WholeFrames.pong(frame.getPayload()));
                callback.succeeded();
                session.demand();
            }
            // Jetty answers the client's CLOSE when `callback` completes: only once our queued frames are written.
            case OpCode.CLOSE -> frames.closeWhenFlushed(callback::succeeded);
            default -> messages.onFrame(frame, callback);
        }
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        forget();
        // engine.io's WebSocket transport expects two String arguments for "error".
        emit("error", "write error", String.valueOf(cause.getMessage()));
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        forget();
        emit("close");
        messages.onClosed(closeStatus, callback);
    }

    private void onText(String message) {
        emit("message", (Object) message);
        if (probeAnswered && UPGRADE_PACKET.equals(message)) {
            active.put(sid, this);
        }
    }

    private void onBinary(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        emit("message", (Object) bytes);
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) {
        String packet = message;
        if (awaitingOpenPacket) {
            handshaken(message);
            if (EIO4.equals(query.get("EIO"))) {
                packet = Eio4OpenPacket.asNodeWritesIt(message);
            }
        } else if (PROBE_ANSWER.equals(message)) {
            probeAnswered = true;
        }
        send(WholeFrames.text(packet));
    }

    @Override
    public void write(byte[] message) {
        send(WholeFrames.binary(message));
    }

    /**
     * Sends a whole frame shared with other connections (encoded once per broadcast): each connection writes it
     * through its own view, so the bytes are never copied or re-encoded per recipient.
     */
    void sendShared(ByteBuffer wholeFrame) {
        send(wholeFrame.duplicate());
    }

    /** engine.io closes the session: the close handshake starts once what is queued has been written. */
    @Override
    public void close() {
        CoreSession current = session;
        FrameWriter writer = frames;
        if (writer != null) {
            writer.closeWhenFlushed(() -> current.close(Callback.NOOP));
        }
    }

    private void send(ByteBuffer wholeFrame) {
        FrameWriter writer = frames;
        if (writer != null) {
            writer.send(wholeFrame);
        }
    }

    /** engine.io's first packet on a websocket handshake is OPEN, {@code 0{"sid":…}}: this session is ours from now. */
    private void handshaken(String openPacket) {
        awaitingOpenPacket = false;
        if (openPacket.startsWith("0{")) {
            try {
                sid = Json.mapper().readTree(openPacket.substring(1)).path("sid").asText(null);
            } catch (JsonProcessingException e) {
                LOG.warn("engine.io OPEN packet is not JSON: {}", openPacket);
            }
            if (sid != null) {
                active.put(sid, this);
            }
        }
    }

    private void forget() {
        String current = sid;
        if (current != null) {
            active.remove(current, this);
        }
    }

    /** A failed write or a client that stopped reading: no close handshake is possible, drop the connection. */
    private void disconnectLater(Throwable cause) {
        LOG.debug("websocket send failed, disconnecting: {}", cause.toString());
        closer.execute(session::abort);
    }
}
