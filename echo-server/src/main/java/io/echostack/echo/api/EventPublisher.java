package io.echostack.echo.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.channel.Broadcaster;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * laravel-echo-server's HTTP publisher ({@code POST /apps/:appId/events}, what Laravel's Pusher driver calls):
 * {@code {"name", "data": object or JSON string, "channel" | "channels": [...], "socket_id"?}} is emitted to every
 * channel like a Redis broadcast, {@code socket_id} excluded. The reference crashed on a body that was not JSON or
 * on a string {@code channels}; here every bad body is a {@link BadRequest}.
 */
final class EventPublisher {
    static final String MISSING = "Event must include channel, event name and data";

    private final Broadcaster broadcaster;
    private final ConsoleLog console;

    EventPublisher(Broadcaster broadcaster, ConsoleLog console) {
        this.broadcaster = broadcaster;
        this.console = console;
    }

    /** A body the publisher refuses; the message is the {@code error} of the 400 answer. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    void publish(String body) throws BadRequest {
        JsonNode event;
        try {
            event = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new BadRequest("Invalid JSON body");
        }
        if (event == null || !event.isObject()) {
            throw new BadRequest(MISSING);
        }
        List<String> channels = channels(event);
        String name = truthy(event.get("name")) && event.get("name").isTextual() ? event.get("name").asText() : null;
        JsonNode data = event.get("data");
        if (channels.isEmpty() || name == null || !truthy(data)) {
            throw new BadRequest(MISSING);
        }
        if (data.isTextual()) {
            data = parsedOrText(data);
        }
        JsonNode socket = event.get("socket_id");
        String socketId = socket != null && socket.isTextual() ? socket.asText() : null;
        console.dev("Channel: " + String.join(", ", channels));
        console.dev("Event: " + name);
        for (String channel : channels) {
            broadcaster.emit(name, channel, data, socketId);
        }
    }

    /** {@code channels} wins over {@code channel}; both must be (arrays of) non-empty strings. */
    private static List<String> channels(JsonNode event) throws BadRequest {
        JsonNode many = event.get("channels");
        List<String> channels = new ArrayList<>();
        if (truthy(many)) {
            if (!many.isArray()) {
                throw new BadRequest("channels must be an array of channel names");
            }
            for (JsonNode channel : many) {
                if (!channel.isTextual() || channel.asText().isEmpty()) {
                    throw new BadRequest("channels must be an array of channel names");
                }
                channels.add(channel.asText());
            }
            return channels;
        }
        JsonNode one = event.get("channel");
        if (truthy(one) && one.isTextual()) {
            channels.add(one.asText());
        }
        return channels;
    }

    /** JavaScript truthiness of a JSON value (missing, null, false, 0 and "" are falsy). */
    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0;
        }
        return !value.isTextual() || !value.asText().isEmpty();
    }

    private static JsonNode parsedOrText(JsonNode text) {
        try {
            return Json.mapper().readTree(text.asText());
        } catch (IOException e) {
            return text;
        }
    }
}
