package io.echostack.echo.presence;

import io.socket.socketio.server.SocketIoSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This instance's presence members per channel, as their sockets: finds the ones whose socket disconnected or left the
 * channel without its leave reaching the store (Redis was down), so the next join there removes them. Used on the
 * presence update thread only.
 */
final class OwnMembers {
    private final Map<String, Map<String, SocketIoSocket>> byChannel = new HashMap<>();

    void joined(String channel, SocketIoSocket socket) {
        byChannel.computeIfAbsent(channel, key -> new HashMap<>()).put(socket.getId(), socket);
    }

    void left(String channel, List<String> socketIds) {
        Map<String, SocketIoSocket> sockets = byChannel.get(channel);
        if (sockets != null) {
            socketIds.forEach(sockets::remove);
            if (sockets.isEmpty()) {
                byChannel.remove(channel);
            }
        }
    }

    /** The channel's members whose socket is no longer connected or no longer in the channel's room. */
    List<String> gone(String channel) {
        return byChannel.getOrDefault(channel, Map.of()).values().stream()
                .filter(socket -> !socket.isConnected() || !inRoom(socket, channel))
                .map(SocketIoSocket::getId)
                .toList();
    }

    private static boolean inRoom(SocketIoSocket socket, String channel) {
        return Arrays.asList(socket.getNamespace().getAdapter().listClientRooms(socket)).contains(channel);
    }
}
