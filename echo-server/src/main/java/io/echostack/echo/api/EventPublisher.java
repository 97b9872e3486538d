package io.echostack.echo.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
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
    private static final String NOT_NAMES = "channels must be an array of channel names";
    /** Trailing tokens ({@code {...} trailing}) are a bad body too, as for the reference's JSON.parse. */
    private static final ObjectReader BODY = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
            event = BODY.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("Invalid JSON body");
        }
        if (event == null || !event.isObject()) {
            throw new BadRequest(MISSING);
        }
        List<String> channels = channels(event);
        String name = truthy(event.get("name")) ? text(event.get("name")) : null;
        JsonNode data = event.get("data");
        if (channels == null || name == null || !truthy(data)) {
            throw new BadRequest(MISSING);
        }
        if (data.isTextual()) {
            data = parsedOrText(data);
        }
        JsonNode socket = event.get("socket_id");
        String socketId = socket != null && socket.isTextual() ? socket.asText() : null;
        console.devDetail("Channel: " + String.join(", ", channels));
        console.devDetail("Event: " + name);
        for (String channel : channels) {
            broadcaster.emit(name, channel, data, socketId);
        }
    }

    /**
     * {@code channels} wins over {@code channel}, and an empty array is a no-op (both as in the reference); its
     * elements must be non-empty names. Null when neither is given.
     */
    private static List<String> channels(JsonNode event) throws BadRequest {
        JsonNode many = event.get("channels");
        if (truthy(many)) {
            if (!many.isArray()) {
                throw new BadRequest(NOT_NAMES);
            }
            List<String> channels = new ArrayList<>();
            for (JsonNode channel : many) {
                String name = text(channel);
                if (name == null || name.isEmpty()) {
                    throw new BadRequest(NOT_NAMES);
                }
                channels.add(name);
            }
            return channels;
        }
        JsonNode one = event.get("channel");
        String channel = truthy(one) ? text(one) : null;
        return channel == null ? null : List.of(channel);
    }

    /**
     * A string, number or boolean as JavaScript's {@code String()} writes it (the reference passed such names on
     * unchanged, and socket.io rooms and event names are strings); null for anything else.
     */
    private static String text(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.isTextual() || value.isBoolean() ? value.asText() : null;
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
