package io.echostack.echo.transport;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoWebSocket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * engine.io's {@link EngineIoWebSocket} with its usual listeners in fields. Its only listener is engine.io's WebSocket
 * transport: one each for "message", "close" and "error", registered when it takes the connection over. Emitter keeps
 * listeners in a ConcurrentHashMap of ConcurrentLinkedQueues: ~430 bytes for those three on every open websocket (a
 * heap histogram of idle connections), three fields here. Any other listener, or a second one for the same event,
 * still goes to Emitter, and emitting calls the field's listener first, then Emitter's, in registration order.
 */
abstract class LeanEngineIoWebSocket extends EngineIoWebSocket {
    private static final Logger LOG = LoggerFactory.getLogger(LeanEngineIoWebSocket.class);
    private static final String MESSAGE = "message";
    private static final String CLOSE = "close";
    private static final String ERROR = "error";

    private volatile Listener onMessage;
    private volatile Listener onClose;
    private volatile Listener onError;

    @Override
    public synchronized Emitter on(String event, Listener fn) {
        if (MESSAGE.equals(event) && onMessage == null && !super.hasListeners(event)) {
            onMessage = fn;
        } else if (CLOSE.equals(event) && onClose == null && !super.hasListeners(event)) {
            onClose = fn;
        } else if (ERROR.equals(event) && onError == null && !super.hasListeners(event)) {
            onError = fn;
        } else {
            super.on(event, fn);
        }
        return this;
    }

    @Override
    public Emitter emit(String event, Object... args) {
        Listener own = field(event);
        if (own != null) {
            try {
                own.call(args);
            } catch (Exception e) {
                // Emitter's rule: a listener's failure never reaches the code that emitted.
                LOG.debug("engine.io listener for {} failed", event, e);
            }
        }
        return super.emit(event, args);
    }

    /** Removes {@code fn} (a once-listener removes itself this way after it ran). */
    @Override
    public synchronized Emitter off(String event, Listener fn) {
        Listener own = field(event);
        if (own != null && own.equals(fn)) {
            setField(event, null);
            return this;
        }
        return super.off(event, fn);
    }

    @Override
    public synchronized Emitter off(String event) {
        setField(event, null);
        return super.off(event);
    }

    @Override
    public synchronized Emitter off() {
        onMessage = null;
        onClose = null;
        onError = null;
        return super.off();
    }

    @Override
    public List<Listener> listeners(String event) {
        Listener own = field(event);
        if (own == null) {
            return super.listeners(event);
        }
        List<Listener> all = new ArrayList<>();
        all.add(own);
        all.addAll(super.listeners(event));
        return List.copyOf(all);
    }

    @Override
    public boolean hasListeners(String event) {
        return field(event) != null || super.hasListeners(event);
    }

    private Listener field(String event) {
        return switch (event) {
            case MESSAGE -> onMessage;
            case CLOSE -> onClose;
            case ERROR -> onError;
            default -> null;
        };
    }

    private void setField(String event, Listener fn) {
        switch (event) {
            case MESSAGE -> onMessage = fn;
            case CLOSE -> onClose = fn;
            case ERROR -> onError = fn;
            default -> { }
        }
    }
}
