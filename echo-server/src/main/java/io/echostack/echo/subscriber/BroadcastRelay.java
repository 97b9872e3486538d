package io.echostack.echo.subscriber;

import io.echostack.echo.channel.Broadcaster;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.events.MalformedPayloadException;
import io.echostack.events.broadcast.BroadcastMessage;
import io.echostack.events.broadcast.RedisPrefix;

/**
 * Turns one pub/sub message into a room emit, as laravel-echo-server does: the room is the Redis channel minus the
 * key prefix, the message is Laravel's {@code {"event","data","socket"}}, and {@code socket} (the sender) is left
 * out. A message that is not such JSON is logged and dropped.
 */
public final class BroadcastRelay {
    private final RedisPrefix prefix;
    private final Broadcaster broadcaster;
    private final ConsoleLog console;

    public BroadcastRelay(RedisPrefix prefix, Broadcaster broadcaster, ConsoleLog console) {
        this.prefix = prefix;
        this.broadcaster = broadcaster;
        this.console = console;
    }

    public void relay(String redisChannel, String payload) {
        BroadcastMessage message;
        try {
            message = BroadcastMessage.parse(payload);
        } catch (MalformedPayloadException e) {
            console.devDetail("No JSON message on " + redisChannel + ": " + e.getMessage());
            return;
        }
        console.devDetail("Channel: " + redisChannel);
        console.devDetail("Event: " + message.event());
        broadcaster.emitJson(message.event(), prefix.strip(redisChannel), message.data(), message.socket());
    }
}
