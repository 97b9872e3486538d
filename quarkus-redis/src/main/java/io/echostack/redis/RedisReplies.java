package io.echostack.redis;

import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a Vert.x Redis reply to the plain Java values {@link io.echostack.events.script.ScriptExecutor} promises,
 * under RESP2 and RESP3 alike: integer → {@link Long}, bulk/simple string → {@link String}, array → {@link List},
 * nil → null. Under RESP3 Redis returns a Lua boolean as a boolean reply; it maps like RESP2 does it
 * (true → 1, false → null), so {@code {false, false}} from the pop script reads the same on both protocols.
 */
final class RedisReplies {
    private RedisReplies() {
    }

    static Object toJava(Response reply) {
        if (reply == null) {
            return null;
        }
        return switch (reply.type()) {
            case NUMBER -> reply.toLong();
            case BOOLEAN -> reply.toBoolean() ? 1L : null;
            case BULK, SIMPLE -> reply.toString();
            case MULTI, PUSH -> toList(reply);
            default -> throw new IllegalArgumentException("unexpected Redis reply type " + reply.type());
        };
    }

    private static List<Object> toList(Response reply) {
        List<Object> values = new ArrayList<>(reply.size());
        for (Response item : reply) {
            values.add(toJava(item));
        }
        return values;
    }
}
