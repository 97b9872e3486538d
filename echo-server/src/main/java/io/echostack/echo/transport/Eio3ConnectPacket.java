package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.parser.Packet;
import java.util.Collection;

/**
 * Sends socket.io 2 clients (engine.io protocol 3) the CONNECT packet socket.io 2 servers send, {@code 40}, where
 * socket.io-server 4.1.2 sends every client socket.io 3's {@code 40{"sid":"…"}}. The socket.io-parser inside
 * socket.io-client 2.5.0's browser build (the {@code socket.io.js} laravel-echo-server serves, and pages load)
 * takes a CONNECT with an object payload for an invalid packet, so such a page never connected (the parser npm
 * installs today, 3.3.6, accepts both). The packet is rewritten in engine.io's write buffer, before either transport
 * encodes it, on the one flush that carries it; the listener then removes itself, and the event's emptied listener
 * queue with it (Emitter keeps an emptied queue for as long as the connection lives: ~80 bytes).
 */
final class Eio3ConnectPacket implements Emitter.Listener {
    private static final String CONNECT_WITH_SID = "0{\"sid\":";

    private final EngineIoSocket session;

    private Eio3ConnectPacket(EngineIoSocket session) {
        this.session = session;
    }

    /** Call on engine.io's {@code connection} event, before socket.io-server connects the session to {@code /}. */
    static void rewriteFor(EngineIoSocket session) {
        if (session.getProtocolVersion() == 3) {
            session.on("flush", new Eio3ConnectPacket(session));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void call(Object... args) {
        for (Packet<?> packet : (Collection<Packet<?>>) args[0]) {
            if (Packet.MESSAGE.equals(packet.type) && packet.data instanceof String text
                    && text.startsWith(CONNECT_WITH_SID)) {
                ((Packet<Object>) packet).data = "0";
                session.off("flush", this);
                if (!session.hasListeners("flush")) {
                    session.off("flush");
                }
                return;
            }
        }
    }
}
