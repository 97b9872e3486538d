package io.echostack.events.broadcast;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.echostack.events.MalformedPayloadException;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * What Laravel's RedisBroadcaster PUBLISHes to {@code <prefix><channel>}:
 * {@code {"event":"backend_poster","data":{...,"socket":null},"socket":null}}.
 *
 * <p>{@code socket} is the X-Socket-ID of the request that caused the broadcast ("toOthers"): the echo-server emits
 * to everyone in the room except that socket. Laravel also leaves a copy of {@code socket} inside {@code data}
 * (it builds the payload before pulling {@code socket} out); {@code BroadcastJob#messageJson} does the same.
 *
 * <p>{@code data} is kept as JSON text, not as a tree: the echo-server copies it into every socket.io packet as it is,
 * and reading a message is the start of every broadcast it relays (one streaming pass, no tree to build and walk).
 *
 * @param event  socket.io event name, forwarded verbatim ({@code backend_poster}, {@code App\Events\OrderShipped})
 * @param data   the payload as plain JSON text, as Node's {@code JSON.stringify} would write it: any JSON value
 *               ({@code null} when missing), Laravel's {@code \/} and {@code \}{@code uXXXX} escapes resolved
 * @param socket the sender's socket id, or null
 */
public record BroadcastMessage(String event, String data, String socket) {

    /**
     * Reads a message from Redis or HTTP. Requires one JSON object (nothing after it, as {@code JSON.parse}) with a
     * non-empty string {@code event}; {@code data} may be any value (missing ⇒ null); a {@code socket} that is not a
     * string counts as none, as laravel-echo-server finds no socket by it and sends to everyone. Other members are
     * ignored and, as in a JSON object read into a tree, the last of repeated members counts.
     */
    public static BroadcastMessage parse(String json) throws MalformedPayloadException {
        try (JsonParser parser = Json.mapper().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPayloadException("broadcast message must be a JSON object");
            }
            String event = null;
            String data = "null";
            String socket = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (member) {
                    case "event" -> event = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "socket" -> socket = socket(parser, value);
                    case "data" -> data = Json.copyValue(parser);
                    default -> { }
                }
                parser.skipChildren();
            }
            if (event == null || event.isEmpty()) {
                throw new MalformedPayloadException("broadcast message needs a non-empty string \"event\"");
            }
            if (parser.nextToken() != null) {
                throw new MalformedPayloadException("broadcast message has more after its JSON object");
            }
            return new BroadcastMessage(event, data, socket);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("broadcast message is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail with I/O", e);
        }
    }

    private static String socket(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    /** The exact bytes RedisBroadcaster would publish (PHP {@code json_encode} default escapes). */
    public String toJson() {
        StringWriter out = new StringWriter(event.length() + data.length() + 64);
        try (JsonGenerator json = Json.broadcastWriter().createGenerator(out);
             JsonParser payload = Json.mapper().createParser(data)) {
            json.writeStartObject();
            json.writeStringField("event", event);
            json.writeFieldName("data");
            payload.nextToken();
            json.copyCurrentStructure(payload);
            json.writeStringField("socket", socket);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("data is not JSON text: " + data, e);
        }
        return out.toString();
    }
}
