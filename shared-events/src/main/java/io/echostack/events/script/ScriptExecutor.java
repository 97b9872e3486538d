package io.echostack.events.script;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link LuaScript} on a Redis connection: EVALSHA first, EVAL when Redis answers NOSCRIPT (after a restart or
 * SCRIPT FLUSH). Each service implements it once over its own client (Lettuce, the Quarkus Redis client).
 *
 * <p>Results use Redis's Lua conversion: integers as {@link Long}, bulk strings as {@link String}, arrays as
 * {@link List} of those, Lua {@code false}/nil as {@code null}.
 */
public interface ScriptExecutor {

    Object run(LuaScript script, List<String> keys, List<String> args);

    /**
     * {@link #run} with the arguments and the bulk-string replies as raw bytes ({@code byte[]}), for payloads that go
     * back to Redis unchanged (a queue worker's reserved job): a client that can pass bytes through overrides this so
     * they are never decoded and re-encoded. This default goes through {@link #run} as UTF-8 text.
     */
    default Object runBinary(LuaScript script, List<String> keys, List<byte[]> args) {
        List<String> text = new ArrayList<>(args.size());
        args.forEach(arg -> text.add(new String(arg, StandardCharsets.UTF_8)));
        return toBytes(run(script, keys, text));
    }

    private static Object toBytes(Object reply) {
        if (reply instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            list.forEach(value -> values.add(toBytes(value)));
            return values;
        }
        return reply;
    }
}
