package io.echostack.echo.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.echostack.echo.transport.LocalRoomAdapter;
import io.echostack.events.json.Json;
import io.socket.socketio.server.parser.Parser;

/**
 * Emits a broadcast to a channel's room as laravel-echo expects it: socket.io event {@code event} with the arguments
 * {@code (channel, data)}. The packet is encoded once with Jackson from the JSON tree Laravel published, so the
 * browser sees Laravel's key order with numbers printed as Node's laravel-echo-server would (org.json, which
 * socket.io-server uses, would reorder keys and re-encode the payload once per recipient).
 */
public final class Broadcaster {
    /** Plain JSON like Node's JSON.stringify: no {@code \/}, Unicode as is. */
    private static final ObjectWriter WRITER = Json.mapper().writer();

    private final LocalRoomAdapter rooms;
    private final Runnable onEmit;

    /** @param onEmit called once per {@link #emit} (the metrics' messages in) */
    public Broadcaster(LocalRoomAdapter rooms, Runnable onEmit) {
        this.rooms = rooms;
        this.onEmit = onEmit;
    }

    /**
     * @param exceptSocketId the sender's socket id ("toOthers"): that socket is skipped if it is connected here;
     *                       null or an unknown id excludes nobody
     */
    public void emit(String event, String channel, JsonNode data, String exceptSocketId) {
        onEmit.run();
        rooms.broadcastEncoded(channel, encode(event, channel, data), exceptSocketId);
    }

    /**
     * Emits {@code (event, channel, data)} to another room than the channel's: a socket's own id-room for
     * {@code presence:subscribed}, which only the joiner receives.
     */
    public void emitTo(String room, String event, String channel, JsonNode data) {
        rooms.broadcastEncoded(room, encode(event, channel, data), null);
    }

    /** The socket.io EVENT packet {@code 2["event","channel",data]} (the engine.io layer adds its own prefix). */
    static String encode(String event, String channel, JsonNode data) {
        ArrayNode arguments = Json.mapper().createArrayNode()
                .add(event)
                .add(channel)
                .add(data == null ? NullNode.getInstance() : data);
        try {
            return Parser.EVENT + WRITER.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
