package io.echostack.echo.channel;

import io.echostack.events.broadcast.ChannelName;
import java.util.Optional;
import org.json.JSONObject;

/**
 * The payload laravel-echo emits with {@code subscribe} and {@code unsubscribe}:
 * {@code {"channel":"poster_room","auth":{"headers":{...}}}}. Anything without a non-empty string {@code channel}
 * is not a request (laravel-echo-server ignores it, or crashes on null).
 */
public record SubscriptionRequest(ChannelName channel, JSONObject auth) {

    /** @param args the socket.io event arguments as socket.io-server delivers them (org.json values) */
    public static Optional<SubscriptionRequest> from(Object[] args) {
        if (args == null || args.length == 0 || !(args[0] instanceof JSONObject payload)) {
            return Optional.empty();
        }
        if (!(payload.opt("channel") instanceof String channel) || channel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionRequest(ChannelName.of(channel), payload.optJSONObject("auth")));
    }
}
