package io.echostack.events.broadcast;

import io.echostack.events.script.LuaScript;
import io.echostack.events.script.ScriptExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * Laravel's RedisBroadcaster: one atomic script PUBLISHes the message to {@code <prefix><channel>} for every channel.
 */
public final class BroadcastPublisher {
    private final ScriptExecutor redis;
    private final RedisPrefix prefix;

    public BroadcastPublisher(ScriptExecutor redis, RedisPrefix prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    public void publish(List<String> channels, BroadcastMessage message) {
        if (channels.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(channels.size() + 1);
        args.add(message.toJson());
        for (String channel : channels) {
            args.add(prefix.apply(channel));
        }
        redis.run(LuaScript.PUBLISH, List.of(), args);
    }
}
