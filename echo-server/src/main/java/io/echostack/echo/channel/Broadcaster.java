package io.echostack.echo.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.echostack.echo.transport.LocalRoomAdapter;
import io.echostack.events.json.Json;
import io.socket.socketio.server.parser.Parser;

/**
 * Emits a broadcast to a channel's room as laravel-echo expects it: socket.io event {@code event} with the arguments
 * {@code (channel, data)}. The packet is encoded once, with Jackson, for all recipients, so the browser sees Laravel's
 * key order with strings printed as Node's laravel-echo-server would (org.json, which socket.io-server uses, would
 * reorder keys and re-encode the payload once per recipient). {@code data} arrives as plain JSON text (a relayed
 * message's, see {@code BroadcastMessage}) or as a tree, which is written out first.
 */
public final class Broadcaster {
    /** Plain JSON like Node's JSON.stringify: no {@code \/}, Unicode as is. */
    private static final ObjectWriter WRITER = Json.mapper().writer();
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private final LocalRoomAdapter rooms;
    private final Runnable onEmit;

    /** @param onEmit called once per emit to a channel (the metrics' messages in) */
    public Broadcaster(LocalRoomAdapter rooms, Runnable onEmit) {
        this.rooms = rooms;
        this.onEmit = onEmit;
    }

    /** {@link #emitJson} with a tree (null: JSON null). */
    public void emit(String event, String channel, JsonNode data, String exceptSocketId) {
        emitJson(event, channel, json(data), exceptSocketId);
    }

    /**
     * @param dataJson       JSON text, copied into the packet as it is
     * @param exceptSocketId the sender's socket id ("toOthers"): that socket is skipped if it is connected here;
     *                       null or an unknown id excludes nobody
     */
    public void emitJson(String event, String channel, String dataJson, String exceptSocketId) {
        onEmit.run();
        rooms.broadcastEncoded(channel, encode(event, channel, dataJson), exceptSocketId);
    }

    /**
     * Emits {@code (event, channel, data)} to another room than the channel's: a socket's own id-room for
     * {@code presence:subscribed}, which only the joiner receives.
     */
    public void emitTo(String room, String event, String channel, JsonNode data) {
        rooms.broadcastEncoded(room, encode(event, channel, json(data)), null);
    }

    /**
     * The socket.io EVENT packet {@code 2["event","channel",data]} (the engine.io layer adds its own prefix), written
     * as Jackson's generator writes it (same string escapes) without a generator: per relayed message, a generator and
     * its writer were a fifth of what the broadcasting thread allocated.
     */
    static String encode(String event, String channel, String dataJson) {
        char[] eventText = QUOTE.quoteAsString(event);
        char[] channelText = QUOTE.quoteAsString(channel);
        return new StringBuilder(eventText.length + channelText.length + dataJson.length() + 9)
                .append(Parser.EVENT).append("[\"").append(eventText).append("\",\"").append(channelText)
                .append("\",").append(dataJson).append(']').toString();
    }

    private static String json(JsonNode data) {
        if (data == null) {
            return "null";
        }
        try {
            return WRITER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
