package io.echostack.echo.transport;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * Writes one websocket connection's outgoing frames ({@link WholeFrames}) straight to its Jetty {@link EndPoint}, in
 * order, with at most one write in flight; frames that arrive meanwhile go out together in the next (gathering) write.
 * <p>
 * Why not Jetty's websocket core: per frame it checks session state, passes the extension stack, takes the flusher's
 * lock, runs an {@code IteratingCallback} cycle and generates a header — about three quarters of a broadcast's cost
 * per recipient (JFR), where laravel-echo-server's {@code ws} does little more than the write syscall. Here a broadcast
 * frame is encoded once and each recipient costs one lock and one write.
 * <p>
 * Jetty's own flusher is left only the close frame: {@link #closeWhenFlushed} runs the close (ours, or Jetty's answer
 * to the client's CLOSE) once everything queued is written, so the two never write at once. PINGs are answered through
 * here too, see {@link JettyEngineIoWebSocket#onFrame}. (Were Jetty ever to write while we do — closing an
 * idle connection, which engine.io's shorter ping timeout does first — the EndPoint refuses the second write and the
 * connection is dropped; bytes never interleave.) A client that stops reading is cut off once more than
 * {@value #MAX_QUEUED_BYTES} bytes of frames wait for it, instead of being buffered forever. (Broadcast frames
 * are shared between recipients, so this over-counts memory: it bounds how far one client may fall behind.)
 */
final class FrameWriter implements Callback {
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;
    /** Frames per gathering write: bounds the buffer array handed to the EndPoint after a long stall. */
    private static final int MAX_GATHER = 256;

    private final EndPoint endPoint;
    private final Consumer<Throwable> onFailure;
    // All guarded by this.
    /** Frames waiting for the write in flight: made when one first must wait (~100 bytes an idle connection saves). */
    private ArrayDeque<ByteBuffer> queued;
    private long queuedBytes;
    private boolean writing;
    private boolean insideWrite;
    private boolean completedInsideWrite;
    private boolean closing;
    private boolean failed;
    private Runnable closeAction;

    /** @param onFailure called once, off any lock, when a write fails or the queue overflows */
    FrameWriter(EndPoint endPoint, Consumer<Throwable> onFailure) {
        this.endPoint = endPoint;
        this.onFailure = onFailure;
    }

    /** Queues a whole frame; the buffer must be this connection's own view (its position is consumed). */
    void send(ByteBuffer frame) {
        boolean overflow = false;
        synchronized (this) {
            if (closing || failed) {
                return;
            }
            if (!writing) {
                writing = true;
            } else if (queuedBytes + frame.remaining() <= MAX_QUEUED_BYTES) {
                if (queued == null) {
                    queued = new ArrayDeque<>();
                }
                queued.add(frame);
                queuedBytes += frame.remaining();
                return;
            } else {
                overflow = true;
                failed = true;
                clearQueue();
            }
        }
        if (overflow) {
            onFailure.accept(new IllegalStateException(
                    "over " + MAX_QUEUED_BYTES + " bytes unwritten: the client stopped reading"));
        } else {
            writeFrom(new ByteBuffer[] {frame});
        }
    }

    /**
     * Runs {@code close} (a step of Jetty's close handshake) once every queued frame is written; frames sent after this
     * are dropped. Several calls (engine.io closing, the client's CLOSE) all run, in order.
     */
    void closeWhenFlushed(Runnable close) {
        synchronized (this) {
            closing = true;
            if (writing) {
                Runnable earlier = closeAction;
                closeAction = earlier == null ? close : () -> {
                    earlier.run();
                    close.run();
                };
                return;
            }
        }
        close.run();
    }

    /** Writes, then what was queued meanwhile for as long as writes complete at once: a loop, not a recursion. */
    private void writeFrom(ByteBuffer[] buffers) {
        while (buffers != null) {
            synchronized (this) {
                insideWrite = true;
                completedInsideWrite = false;
            }
            try {
                endPoint.write(this, buffers);
            } catch (RuntimeException e) {
                // WritePendingException: Jetty is writing a close frame of its own; the connection is going away.
                failed(e);
            }
            Runnable close;
            synchronized (this) {
                insideWrite = false;
                if (!completedInsideWrite) {
                    return; // completes later: succeeded() carries on
                }
                buffers = nextOrIdle();
                close = buffers == null ? takeCloseAction() : null;
            }
            if (close != null) {
                close.run();
            }
        }
    }

    @Override
    public void succeeded() {
        ByteBuffer[] buffers;
        Runnable close;
        synchronized (this) {
            if (insideWrite) {
                completedInsideWrite = true;
                return;
            }
            buffers = nextOrIdle();
            close = buffers == null ? takeCloseAction() : null;
        }
        if (close != null) {
            close.run();
        }
        writeFrom(buffers);
    }

    @Override
    public void failed(Throwable cause) {
        Runnable close;
        synchronized (this) {
            if (failed) {
                return;
            }
            failed = true;
            writing = false;
            clearQueue();
            close = takeCloseAction();
        }
        onFailure.accept(cause);
        if (close != null) {
            close.run(); // nothing more will be written: a waiting close step (e.g. Jetty's callback) must not hang
        }
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    /** Under the lock: the next frames to write (at most {@link #MAX_GATHER}), or null after marking it idle. */
    private ByteBuffer[] nextOrIdle() {
        if (queued == null || queued.isEmpty() || failed) {
            writing = false;
            return null;
        }
        ByteBuffer[] next = new ByteBuffer[Math.min(queued.size(), MAX_GATHER)];
        for (int i = 0; i < next.length; i++) {
            next[i] = queued.poll();
            queuedBytes -= next[i].remaining();
        }
        return next;
    }

    private void clearQueue() {
        queued = null;
        queuedBytes = 0;
    }

    private Runnable takeCloseAction() {
        Runnable close = closeAction;
        closeAction = null;
        return close;
    }
}
