package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine.io websocket connection over the Jetty 12 websocket API. engine.io calls {@link #write} while holding its
 * per-socket lock (and, during broadcasts, ours), so writes never block and never throw: a failed send only schedules
 * the close on another thread, which keeps engine.io's close/error handling out of the writer's call stack.
 * Public because Jetty calls the listener methods through method handles.
 */
public final class JettyEngineIoWebSocket extends EngineIoWebSocket implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(JettyEngineIoWebSocket.class);

    private final EngineIoServer engineIo;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final Executor closer;
    private volatile Session session;

    JettyEngineIoWebSocket(EngineIoServer engineIo, Map<String, String> query, Map<String, List<String>> headers,
                           Executor closer) {
        this.engineIo = engineIo;
        this.query = query;
        this.headers = headers;
        this.closer = closer;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        engineIo.handleWebSocket(this);
    }

    @Override
    public void onWebSocketText(String message) {
        emit("message", (Object) message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        emit("message", (Object) bytes);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        emit("close");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // engine.io's WebSocket transport expects two String arguments for "error".
        emit("error", "write error", String.valueOf(cause.getMessage()));
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
        Session current = session;
        if (current != null && current.isOpen()) {
            current.sendText(message, Callback.from(() -> { }, this::closeLater));
        }
    }

    @Override
    public void write(byte[] message) {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.sendBinary(ByteBuffer.wrap(message), Callback.from(() -> { }, this::closeLater));
        }
    }

    @Override
    public void close() {
        Session current = session;
        if (current != null) {
            current.close();
        }
    }

    private void closeLater(Throwable cause) {
        LOG.debug("websocket send failed, closing: {}", cause.toString());
        closer.execute(this::close);
    }
}
