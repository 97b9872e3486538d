package io.echostack.events.script;

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
}
