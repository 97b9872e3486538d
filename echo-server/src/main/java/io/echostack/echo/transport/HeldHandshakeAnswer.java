package io.echostack.echo.transport;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a polling handshake, held until engine.io has registered the session and written when
 * {@link #release()} is called. engine.io-server 6.3.2 writes the OPEN packet, and completes the response, before it
 * adds the session to its table: a client quick enough (socket.io-client 4 POSTs its CONNECT at once, beside its first
 * poll, each on its own connection) got 400 "Session ID unknown": on loopback, about one handshake in 500 when the
 * request opened a new connection, one in 5 when it went out on a connection already open.
 * <p>
 * For engine.io 4 sessions the OPEN packet is also written as Node's engine.io 4+ writes it ({@link Eio4OpenPacket}).
 */
final class HeldHandshakeAnswer extends HttpServletResponseWrapper {
    private final boolean eio4;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(128);
    private ServletOutputStream out;

    /** @param eio4 whether the OPEN packet is written as Node's engine.io 4 writes it ({@link Eio4OpenPacket}) */
    HeldHandshakeAnswer(HttpServletResponse response, boolean eio4) {
        super(response);
        this.eio4 = eio4;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (out == null) {
            out = new Holding();
        }
        return out;
    }

    /** engine.io declares the length of what it writes; the length written is the held body's, at release. */
    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    /** Writes the held answer (if engine.io wrote one) to the client. */
    void release() throws IOException {
        if (held.size() == 0) {
            return;
        }
        byte[] body = eio4
                ? Eio4OpenPacket.asNodeWritesIt(held.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                : held.toByteArray();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setContentLength(body.length);
        try (ServletOutputStream stream = response.getOutputStream()) {
            stream.write(body);
        }
    }

    private final class Holding extends ServletOutputStream {
        @Override
        public void write(int b) {
            held.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            held.write(bytes, offset, length);
        }

        /** engine.io closes the stream after its write; the real one is closed at release. */
        @Override
        public void close() {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("the handshake answer is written with blocking I/O");
        }
    }
}
