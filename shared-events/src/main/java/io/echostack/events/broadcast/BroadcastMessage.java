package io.echostack.events.broadcast;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.echostack.events.MalformedPayloadException;
import io.echostack.events.json.Json;

/**
 * What Laravel's RedisBroadcaster PUBLISHes to {@code <prefix><channel>}:
 * {@code {"event":"backend_poster","data":{...,"socket":null},"socket":null}}.
 *
 * <p>{@code socket} is the X-Socket-ID of the request that caused the broadcast ("toOthers"): the echo-server emits
 * to everyone in the room except that socket. Laravel also leaves a copy of {@code socket} inside {@code data}
 * (it builds the payload before pulling {@code socket} out); {@code BroadcastJob#messageJson} does the same.
 *
 * @param event  socket.io event name, forwarded verbatim ({@code backend_poster}, {@code App\Events\OrderShipped})
 * @param data   the payload; any JSON value on receive, an object when we build it
 * @param socket the sender's socket id, or null
 */
@JsonPropertyOrder({"event", "data", "socket"})
public record BroadcastMessage(String event, JsonNode data, String socket) {

    /**
     * Reads a message from Redis or HTTP. Requires a JSON object with a string {@code event}; {@code data} may be any
     * value (missing ⇒ null); {@code socket} must be a string or null.
     */
    public static BroadcastMessage parse(String json) throws MalformedPayloadException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("broadcast message is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("broadcast message must be a JSON object");
        }
        JsonNode event = root.get("event");
        if (event == null || !event.isTextual() || event.asText().isEmpty()) {
            throw new MalformedPayloadException("broadcast message needs a non-empty string \"event\"");
        }
        JsonNode socket = root.get("socket");
        if (socket != null && !socket.isNull() && !socket.isTextual()) {
            throw new MalformedPayloadException("broadcast message \"socket\" must be a string or null");
        }
        JsonNode data = root.has("data") ? root.get("data") : NullNode.getInstance();
        return new BroadcastMessage(event.asText(), data, socket == null || socket.isNull() ? null : socket.asText());
    }

    /** The exact bytes RedisBroadcaster would publish (PHP {@code json_encode} default escapes). */
    public String toJson() {
        return Json.toBroadcastJson(this);
    }
}
