package io.echostack.echo.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import java.io.IOException;

/**
 * What Laravel's auth endpoint answered. Only status 200 grants the channel; {@code status} 0 means the request itself
 * failed (connection, DNS, TLS, timeout), which laravel-echo clients receive as {@code subscription_error(channel, 0)}.
 *
 * @param body  the response parsed as JSON, or null when it is not JSON
 * @param error why the request failed (status 0), else null
 */
public record AuthResult(int status, JsonNode body, String rawBody, String error) {

    public static AuthResult failed(String error) {
        return new AuthResult(0, null, null, error);
    }

    public static AuthResult answered(int status, String rawBody) {
        return new AuthResult(status, parse(rawBody), rawBody, null);
    }

    public boolean granted() {
        return status == 200;
    }

    /**
     * The presence member: {@code channel_data} as Laravel's Redis broadcaster sends it (an object) or as Pusher-style
     * broadcasters do (a JSON string of it); null when missing or not an object.
     */
    public ObjectNode channelData() {
        JsonNode data = body == null ? null : body.get("channel_data");
        if (data != null && data.isTextual()) {
            data = parse(data.asText());
        }
        return data instanceof ObjectNode object ? object : null;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
