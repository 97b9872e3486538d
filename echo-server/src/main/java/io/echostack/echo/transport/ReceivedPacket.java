package io.echostack.echo.transport;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;

/**
 * The text of the socket.io packet socket.io-server is dispatching on this thread, as the client sent it.
 * socket.io-server decodes packets into org.json objects, whose maps lose the order of an object's keys; a handler
 * that relays client data (whispers) reads it again from here, as laravel-echo-server relays it: in the sender's
 * order. An engine.io session's {@code data} listeners run in order, on the receiving thread: one of ours records
 * the packet before socket.io-server's decodes and dispatches it, another forgets it afterwards (a packet may be up
 * to 1 MB, not to be kept by an idle thread).
 */
public final class ReceivedPacket {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Emitter.Listener RECORD = args -> {
        if (args.length > 0 && args[0] instanceof String text) {
            CURRENT.set(text);
        }
    };
    private static final Emitter.Listener FORGET = args -> CURRENT.remove();

    private ReceivedPacket() {
    }

    /** The text packet being dispatched on this thread, or null (outside a dispatch, or a binary one). */
    public static String current() {
        return CURRENT.get();
    }

    /** On engine.io's {@code connection} event, before socket.io-server's listener. */
    static void recordBefore(EngineIoSocket session) {
        session.on("data", RECORD);
    }

    /** On engine.io's {@code connection} event, after socket.io-server's listener. */
    static void forgetAfter(EngineIoSocket session) {
        session.on("data", FORGET);
    }
}
