package io.echostack.redis;

import io.vertx.mutiny.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a Vert.x Redis reply to the plain Java values {@link io.echostack.events.script.ScriptExecutor} promises,
 * under RESP2 and RESP3 alike: integer → {@link Long}, bulk/simple string → {@link String}, array → {@link List},
 * nil → null (bulk strings as {@code byte[]} for {@link io.echostack.events.script.ScriptExecutor#runBinary}). Under RESP3 Redis returns a Lua boolean as a boolean reply; it maps like RESP2 does it
 * (true → 1, false → null), so {@code {false, false}} from the pop script reads the same on both protocols.
 */
final class RedisReplies {
    private RedisReplies() {
    }

    /** @param binary bulk strings as {@code byte[]} (as Redis sent them) instead of {@link String} */
    static Object toJava(Response reply, boolean binary) {
        if (reply == null) {
            return null;
        }
        return switch (reply.type()) {
            case NUMBER -> reply.toLong();
            case BOOLEAN -> reply.toBoolean() ? 1L : null;
            case BULK -> binary ? reply.toBytes() : reply.toString();
            case SIMPLE -> binary ? reply.toString().getBytes(StandardCharsets.UTF_8) : reply.toString();
            case MULTI, PUSH -> toList(reply, binary);
            default -> throw new IllegalArgumentException("unexpected Redis reply type " + reply.type());
        };
    }

    private static List<Object> toList(Response reply, boolean binary) {
        List<Object> values = new ArrayList<>(reply.size());
        for (Response item : reply) {
            values.add(toJava(item, binary));
        }
        return values;
    }
}
