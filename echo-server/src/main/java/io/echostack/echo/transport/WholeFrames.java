package io.echostack.echo.transport;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.internal.Generator;

/**
 * Server-to-client websocket frames as whole byte sequences (header and payload in one read-only buffer), made by
 * Jetty's own frame generator, so {@link FrameWriter} can write them to the connection as they are and a broadcast can
 * hand the same bytes to every recipient.
 */
final class WholeFrames {
    /** Stateless: one instance for all threads. */
    private static final Generator GENERATOR = new Generator();

    private WholeFrames() {
    }

    /** A text frame for one connection. */
    static ByteBuffer text(String text) {
        return whole(new Frame(OpCode.TEXT, text), false);
    }

    /**
     * A text frame written to many connections, in direct memory: the JDK copies a heap buffer into a temporary direct
     * one on every socket write, so a heap frame would be copied once per recipient.
     */
    static ByteBuffer sharedText(String text) {
        return whole(new Frame(OpCode.TEXT, text), true);
    }

    static ByteBuffer binary(byte[] bytes) {
        return whole(new Frame(OpCode.BINARY, ByteBuffer.wrap(bytes)), false);
    }

    /** The answer to a client's PING: a PONG with the same application data. */
    static ByteBuffer pong(ByteBuffer pingPayload) {
        ByteBuffer payload = pingPayload == null ? BufferUtil.EMPTY_BUFFER : pingPayload.slice();
        return whole(new Frame(OpCode.PONG, payload), false);
    }

    private static ByteBuffer whole(Frame frame, boolean direct) {
        ByteBuffer buffer = BufferUtil.allocate(Generator.MAX_HEADER_LENGTH + frame.getPayloadLength(), direct);
        GENERATOR.generateWholeFrame(frame, buffer);
        return buffer.asReadOnlyBuffer();
    }
}
