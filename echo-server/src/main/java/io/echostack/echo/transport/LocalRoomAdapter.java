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
 * Room membership of one namespace on this node, replacing socket.io-server's memory adapter: concurrent maps instead
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
    private final Map<String, Map<SocketIoSocket, Member>> rooms = new ConcurrentHashMap<>();
    /** Every socket in a room (its id-room, at least), with its rooms. */
    private final Map<SocketIoSocket, Member> members = new ConcurrentHashMap<>();
    /** Sockets by id: the room named by its own id, which every socket is in while connected. */
    private final Map<String, Member> sockets = new ConcurrentHashMap<>();
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
        Member member = sockets.get(socketId);
        return member != null && member.socket.isConnected();
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
        return inRoom(room).size();
    }

    /**
     * Sends an already encoded socket.io packet (e.g. {@code 2["event","channel",{...}]}) to every socket in
     * {@code room} except the one whose id is {@code exceptSocketId} (null: nobody excluded).
     */
    public void broadcastEncoded(String room, String encodedPacket, String exceptSocketId) {
        Collection<Member> recipients = inRoom(room);
        if (recipients.isEmpty()) {
            return;
        }
        EncodedMessage message = EncodedMessage.of(encodedPacket);
        int delivered = 0;
        for (Member member : recipients) {
            if (!member.socket.getId().equals(exceptSocketId) && deliver(member, message)) {
                delivered++;
            }
        }
        deliveries.add(delivered);
    }

    @Override
    public void broadcast(Packet<?> packet, String[] roomNames, String[] excludedRooms) {
        Set<Member> recipients = new LinkedHashSet<>();
        if (roomNames == null || roomNames.length == 0) {
            recipients.addAll(sockets.values());
        } else {
            for (String room : roomNames) {
                recipients.addAll(inRoom(room));
            }
        }
        if (excludedRooms != null) {
            for (String room : excludedRooms) {
                recipients.removeAll(inRoom(room));
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
        for (Member member : recipients) {
            if (deliver(member, message)) {
                delivered++;
            }
        }
        deliveries.add(delivered);
    }

    @Override
    public void add(String room, SocketIoSocket socket) {
        Member member = members.compute(socket, (key, known) ->
                known == null ? new Member(socket, room) : known.with(room));
        if (room.equals(socket.getId())) {
            sockets.put(room, member);
        } else {
            rooms.computeIfAbsent(room, key -> new ConcurrentHashMap<>()).put(socket, member);
        }
    }

    @Override
    public void remove(String room, SocketIoSocket socket) {
        if (room.equals(socket.getId())) {
            sockets.computeIfPresent(room, (key, member) -> member.socket == socket ? null : member);
        } else {
            rooms.computeIfPresent(room, (key, inRoom) ->
                    inRoom.remove(socket) != null && inRoom.isEmpty() ? null : inRoom);
        }
        members.computeIfPresent(socket, (key, member) -> member.without(room));
    }

    @Override
    public SocketIoSocket[] listClients(String room) {
        return inRoom(room).stream().map(member -> member.socket).toArray(SocketIoSocket[]::new);
    }

    @Override
    public String[] listClientRooms(SocketIoSocket socket) {
        Member member = members.get(socket);
        return member == null ? new String[0] : member.rooms.clone();
    }

    /** A channel's members, or the socket whose id-room it is. */
    private Collection<Member> inRoom(String room) {
        Map<SocketIoSocket, Member> channel = rooms.get(room);
        if (channel != null) {
            return channel.values();
        }
        Member member = sockets.get(room);
        return member == null ? Set.of() : Set.of(member);
    }

    /**
     * Mirrors SocketIoClient.sendPacket minus the per-recipient encode; one failing socket never stops a fan-out.
     * @return whether the message was handed to the connection
     */
    private boolean deliver(Member member, EncodedMessage message) {
        SocketIoSocket socket = member.socket;
        try {
            if (!socket.isConnected()) {
                return false;
            }
            JettyEngineIoWebSocket webSocket = member.webSocket;
            if (webSocket == null) {
                EngineIoSocket session = socket.getClient().getConnection();
                if (session.getReadyState() != ReadyState.OPEN) {
                    return false;
                }
                webSocket = webSockets.get(session.getId());
                if (webSocket == null) {
                    pollingWriter.send(session, message.socketIoPacket());
                    return true;
                }
                member.webSocket = webSocket;
            }
            webSocket.sendShared(message.webSocketFrame()); // dropped once the websocket is closing
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not deliver to socket {}: {}", socket.getId(), e.toString());
            return false;
        }
    }

    /**
     * A socket in at least one room: its rooms, its id-room included, and its websocket once a delivery found it. A
     * fan-out reaches the connection from here in two steps instead of through socket.io's client, engine.io's session
     * and a lookup by session id, each a likely cache miss per recipient. A session on websocket stays there until
     * it closes (engine.io never downgrades), so the websocket once found is the session's for good.
     */
    private static final class Member {
        final SocketIoSocket socket;
        /**
         * A small array replaced on every change (a set per socket cost ~230 bytes of every idle connection), always
         * inside the members map's compute for this socket: SocketIoSocket's joinRoom and leaveRoom are synchronized.
         */
        volatile String[] rooms;
        volatile JettyEngineIoWebSocket webSocket;

        Member(SocketIoSocket socket, String room) {
            this.socket = socket;
            this.rooms = new String[] {room};
        }

        Member with(String room) {
            if (!Arrays.asList(rooms).contains(room)) {
                String[] more = Arrays.copyOf(rooms, rooms.length + 1);
                more[rooms.length] = room;
                rooms = more;
            }
            return this;
        }

        /** @return null once no room is left, which removes the socket's entry */
        Member without(String room) {
            rooms = Arrays.stream(rooms).filter(name -> !name.equals(room)).toArray(String[]::new);
            return rooms.length == 0 ? null : this;
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
