package io.echostack.echo.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One socket.io packet encoded once for all its recipients: the packet text engine.io sends to polling sessions, and
 * the UTF-8 payload of the websocket text frame every websocket recipient gets. Over websocket an engine.io MESSAGE
 * is {@code 4} + the socket.io packet in both EIO 3 and EIO 4 (only polling payloads differ between them).
 */
record EncodedMessage(String socketIoPacket, ByteBuffer webSocketPayload) {
    static EncodedMessage of(String socketIoPacket) {
        byte[] frame = ("4" + socketIoPacket).getBytes(StandardCharsets.UTF_8);
        return new EncodedMessage(socketIoPacket, ByteBuffer.wrap(frame).asReadOnlyBuffer());
    }
}
