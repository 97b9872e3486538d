package io.echostack.echo.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.echo.transport.ReceivedPacket;
import io.echostack.events.broadcast.ChannelName;
import io.echostack.events.json.Json;
import io.socket.socketio.server.SocketIoSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Whispers: laravel-echo's {@code client event} {@code {channel, event: "client-…", data}} (also accepted as a JSON
 * string of that object, for non-JS clients), relayed as {@code (event, channel, data)} to the rest of the room, as
 * laravel-echo-server does: only on private and presence channels, only from a socket in that room. Unlike the
 * reference, a whisper whose data is larger than {@code clientEventMaxBytes} is dropped. The data keeps the sender's
 * key order. Every refusal is a dev log line; the sender gets no error (the reference sends none either).
 */
public final class ClientEvents {
    private final Broadcaster broadcaster;
    private final int maxDataBytes;
    private final ConsoleLog console;

    public ClientEvents(Broadcaster broadcaster, int maxDataBytes, ConsoleLog console) {
        this.broadcaster = broadcaster;
        this.maxDataBytes = maxDataBytes;
        this.console = console;
    }

    public void onClientEvent(SocketIoSocket socket, Object[] args) {
        JSONObject payload = payload(args);
        String event = payload == null ? null : payload.optString("event", null);
        String channel = payload == null ? null : payload.optString("channel", null);
        if (event == null || event.isEmpty() || channel == null || channel.isEmpty()) {
            console.dev(socket.getId() + " sent a client event without channel or event: " + Arrays.toString(args));
            return;
        }
        if (!event.contains("client-") || !ChannelName.of(channel).requiresAuth()) {
            console.dev(socket.getId() + " sent client event " + event + " on " + channel
                    + ": only client-* events on private and presence channels are relayed");
            return;
        }
        if (!Arrays.asList(socket.getNamespace().getAdapter().listClientRooms(socket)).contains(channel)) {
            console.dev(socket.getId() + " sent client event " + event + " on " + channel + " without being in it");
            return;
        }
        Object data = payload.opt("data");
        String json = data == null ? "null" : JSONObject.valueToString(data);
        if (json.getBytes(StandardCharsets.UTF_8).length > maxDataBytes) {
            console.dev(socket.getId() + " sent client event " + event + " on " + channel + " larger than "
                    + maxDataBytes + " bytes: dropped");
            return;
        }
        broadcaster.emit(event, channel, inSendersOrder(parse(json)), socket.getId());
    }

    /**
     * The whisper's data with its keys in the order the sender wrote them, as laravel-echo-server relays it: read
     * again from the packet's text, since org.json's maps lost the order. The text's data is used only when it is the
     * same data (JSON trees compare objects regardless of key order); otherwise the decoded one is.
     */
    private static JsonNode inSendersOrder(JsonNode decoded) {
        String packet = ReceivedPacket.current();
        int arguments = packet == null ? -1 : packet.indexOf('[');
        if (arguments < 0) {
            return decoded;
        }
        try {
            JsonNode payload = Json.mapper().readTree(packet.substring(arguments)).path(1);
            JsonNode sent = (payload.isTextual() ? Json.mapper().readTree(payload.asText()) : payload).path("data");
            return sent.equals(decoded) ? sent : decoded;
        } catch (IOException e) {
            return decoded;
        }
    }

    private static JSONObject payload(Object[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        if (args[0] instanceof JSONObject object) {
            return object;
        }
        if (args[0] instanceof String text) {
            try {
                return new JSONObject(text);
            } catch (JSONException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("org.json wrote JSON Jackson cannot read: " + json, e);
        }
    }
}
