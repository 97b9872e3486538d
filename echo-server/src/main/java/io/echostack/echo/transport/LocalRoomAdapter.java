package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room membership of one namespace on this node, replacing socket.io-server's memory adapter: concurrent sets instead
 * of one namespace-wide monitor held during network writes, iterated without a copy (their iterators are weakly
 * consistent: a socket joining or leaving meanwhile may or may not get the message), and every broadcast encoded
 * once for all recipients instead of once per recipient. Websocket recipients get the same frame payload bytes
 * written straight to their connection ({@link ActiveWebSockets}); polling recipients go through engine.io on the
 * {@link PollingWriter}'s thread. {@link #broadcastEncoded} takes a packet we encoded ourselves from Laravel's JSON,
 * so key order reaches the browser as Laravel wrote it.
 */
public final class LocalRoomAdapter extends SocketIoAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRoomAdapter.class);

    /** Channel rooms and their members; the sockets' own id-rooms are {@link #sockets}. */
    private final Map<String, Set<SocketIoSocket>> rooms = new ConcurrentHashMap<>();
    /**
     * Each socket's rooms, its id-room included, as a small array replaced on every change: a socket joins and
     * leaves one room at a time (SocketIoSocket's joinRoom and leaveRoom are synchronized), and a set per socket
     * cost ~230 bytes of every idle connection.
     */
    private final Map<SocketIoSocket, String[]> socketRooms = new ConcurrentHashMap<>();
    /** Sockets by id: the room named by its own id, which every socket is in while connected. */
    private final Map<String, SocketIoSocket> sockets = new ConcurrentHashMap<>();
    private final LongAdder deliveries = new LongAdder();

    private final ActiveWebSockets webSockets;
    private final PollingWriter pollingWriter;

    LocalRoomAdapter(SocketIoNamespace namespace, ActiveWebSockets webSockets, PollingWriter pollingWriter) {
        super(namespace);
        this.webSockets = webSockets;
        this.pollingWriter = pollingWriter;
    }

    /** Whether a socket with this id is connected to this namespace on this node. */
    public boolean isConnected(String socketId) {
        SocketIoSocket socket = sockets.get(socketId);
        return socket != null && socket.isConnected();
    }

    /** Packets handed to sockets so far (the metrics' messages out). */
    public long deliveries() {
        return deliveries.sum();
    }

    /** Sockets connected to this namespace on this node. */
    public int connectedCount() {
        return sockets.size();
    }

    /** Every occupied room but the sockets' own id-rooms, with its size (a snapshot). */
    public Map<String, Integer> channelSizes() {
        Map<String, Integer> sizes = new HashMap<>();
        rooms.forEach((room, members) -> {
            if (!members.isEmpty()) {
                sizes.put(room, members.size());
            }
        });
        return sizes;
    }

    public int roomSize(String room) {
        return members(room).size();
    }

    /**
     * Sends an already encoded socket.io packet (e.g. {@code 2["event","channel",{...}]}) to every socket in
     * {@code room} except the one whose id is {@code exceptSocketId} (null: nobody excluded).
     */
    public void broadcastEncoded(String room, String encodedPacket, String exceptSocketId) {
        Collection<SocketIoSocket> members = members(room);
        if (members.isEmpty()) {
            return;
        }
        EncodedMessage message = EncodedMessage.of(encodedPacket);
        int delivered = 0;
        for (SocketIoSocket socket : members) {
            if (!socket.getId().equals(exceptSocketId) && deliver(socket, message)) {
                delivered++;
            }
        }
        deliveries.add(delivered);
    }

    @Override
    public void broadcast(Packet<?> packet, String[] roomNames, String[] excludedRooms) {
        Set<SocketIoSocket> recipients = new LinkedHashSet<>();
        if (roomNames == null || roomNames.length == 0) {
            recipients.addAll(sockets.values());
        } else {
            for (String room : roomNames) {
                recipients.addAll(members(room));
            }
        }
        if (excludedRooms != null) {
            for (String room : excludedRooms) {
                recipients.removeAll(members(room));
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        packet.nsp = mNamespace.getName();
        Object[][] encoded = new Object[1][];
        new IOParser.Encoder().encode(packet, parts -> encoded[0] = parts);
        if (encoded[0].length != 1 || !(encoded[0][0] instanceof String text)) {
            // Binary attachments (never sent by laravel-echo-server's protocol) cannot share one text frame.
            throw new UnsupportedOperationException("binary socket.io packets are not supported");
        }
        EncodedMessage message = EncodedMessage.of(text);
        int delivered = 0;
        for (SocketIoSocket socket : recipients) {
            if (deliver(socket, message)) {
                delivered++;
            }
        }
        deliveries.add(delivered);
    }

    @Override
    public void add(String room, SocketIoSocket socket) {
        if (room.equals(socket.getId())) {
            sockets.put(room, socket);
        } else {
            rooms.computeIfAbsent(room, key -> ConcurrentHashMap.newKeySet()).add(socket);
        }
        socketRooms.compute(socket, (key, names) -> with(names, room));
    }

    @Override
    public void remove(String room, SocketIoSocket socket) {
        if (room.equals(socket.getId())) {
            sockets.remove(room, socket);
        } else {
            rooms.computeIfPresent(room, (key, members) ->
                    members.remove(socket) && members.isEmpty() ? null : members);
        }
        socketRooms.computeIfPresent(socket, (key, names) -> without(names, room));
    }

    @Override
    public SocketIoSocket[] listClients(String room) {
        return members(room).toArray(SocketIoSocket[]::new);
    }

    @Override
    public String[] listClientRooms(SocketIoSocket socket) {
        String[] names = socketRooms.get(socket);
        return names == null ? new String[0] : names.clone();
    }

    /** A channel's members, or the socket whose id-room it is. */
    private Collection<SocketIoSocket> members(String room) {
        Set<SocketIoSocket> members = rooms.get(room);
        if (members != null) {
            return members;
        }
        SocketIoSocket socket = sockets.get(room);
        return socket == null ? Set.of() : Set.of(socket);
    }

    private static String[] with(String[] names, String room) {
        if (names == null) {
            return new String[] {room};
        }
        if (Arrays.asList(names).contains(room)) {
            return names;
        }
        String[] more = Arrays.copyOf(names, names.length + 1);
        more[names.length] = room;
        return more;
    }

    /** @return null once no room is left, which removes the socket's entry */
    private static String[] without(String[] names, String room) {
        String[] fewer = Arrays.stream(names).filter(name -> !name.equals(room)).toArray(String[]::new);
        return fewer.length == 0 ? null : fewer;
    }

    /**
     * Mirrors SocketIoClient.sendPacket minus the per-recipient encode; one failing socket never stops a fan-out.
     * @return whether the message was handed to the connection
     */
    private boolean deliver(SocketIoSocket socket, EncodedMessage message) {
        try {
            EngineIoSocket session = socket.getClient().getConnection();
            if (!socket.isConnected() || session.getReadyState() != ReadyState.OPEN) {
                return false;
            }
            JettyEngineIoWebSocket webSocket = webSockets.get(session.getId());
            if (webSocket != null) {
                webSocket.sendShared(message.webSocketFrame());
                return true;
            }
            pollingWriter.send(session, message.socketIoPacket());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not deliver to socket {}: {}", socket.getId(), e.toString());
            return false;
        }
    }

    /** Creates one adapter per namespace. */
    static final class Factory implements SocketIoAdapter.AdapterFactory {
        private final ActiveWebSockets webSockets;
        private final PollingWriter pollingWriter;

        Factory(ActiveWebSockets webSockets, PollingWriter pollingWriter) {
            this.webSockets = webSockets;
            this.pollingWriter = pollingWriter;
        }

        @Override
        public SocketIoAdapter createAdapter(SocketIoNamespace namespace) {
            return new LocalRoomAdapter(namespace, webSockets, pollingWriter);
        }
    }
}
