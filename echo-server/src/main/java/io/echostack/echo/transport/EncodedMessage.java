package io.echostack.echo.transport;

import java.nio.ByteBuffer;

/**
 * One socket.io packet encoded once for all its recipients: the packet text engine.io sends to polling sessions, and
 * the whole websocket text frame (header included) every websocket recipient gets. Over websocket an engine.io
 * MESSAGE is {@code 4} + the socket.io packet in both EIO 3 and EIO 4 (only polling payloads differ between them).
 */
record EncodedMessage(String socketIoPacket, ByteBuffer webSocketFrame) {
    static EncodedMessage of(String socketIoPacket) {
        return new EncodedMessage(socketIoPacket, WholeFrames.text("4" + socketIoPacket));
    }
}
