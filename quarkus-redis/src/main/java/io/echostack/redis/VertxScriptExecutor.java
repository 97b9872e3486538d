package io.echostack.redis;

import io.echostack.events.script.LuaScript;
import io.echostack.events.script.ScriptExecutor;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the Lua scripts over the Mutiny Vert.x Redis client that quarkus-redis-client injects: EVALSHA, and EVAL
 * when Redis answers NOSCRIPT (after a restart or SCRIPT FLUSH), so the script text is sent only when needed.
 *
 * <p>Blocking: call it from a worker thread (a REST method, the queue worker loop), never from an event loop.
 */
public final class VertxScriptExecutor implements ScriptExecutor {
    private final Redis redis;
    private final Duration timeout;

    /** @param timeout how long one call may take before it fails (Redis unreachable must not hang a request) */
    public VertxScriptExecutor(Redis redis, Duration timeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The same client with another call timeout, e.g. a job's {@code timeout} for the calls that run the job. */
    public VertxScriptExecutor withTimeout(Duration callTimeout) {
        return callTimeout.equals(timeout) ? this : new VertxScriptExecutor(redis, callTimeout);
    }

    @Override
    public Object run(LuaScript script, List<String> keys, List<String> args) {
        return RedisReplies.toJava(send(script, keys, request -> args.forEach(request::arg)), false);
    }

    /** Arguments sent and bulk replies kept as the bytes Vert.x reads: no UTF-8 encoding or decoding on the way. */
    @Override
    public Object runBinary(LuaScript script, List<String> keys, List<byte[]> args) {
        return RedisReplies.toJava(send(script, keys, request -> args.forEach(request::arg)), true);
    }

    private Response send(LuaScript script, List<String> keys, Consumer<Request> args) {
        try {
            return send(Command.EVALSHA, script.sha1(), keys, args);
        } catch (RuntimeException e) {
            if (!isNoScript(e)) {
                throw failed(script, e);
            }
        }
        try {
            return send(Command.EVAL, script.source(), keys, args);
        } catch (RuntimeException e) {
            throw failed(script, e);
        }
    }

    private Response send(Command command, String script, List<String> keys, Consumer<Request> args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        args.accept(request);
        return redis.send(request).await().atMost(timeout);
    }

    private static RedisScriptException failed(LuaScript script, RuntimeException error) {
        return new RedisScriptException("Redis script " + script.name().toLowerCase(Locale.ROOT) + ".lua failed: "
                + error.getMessage(), error);
    }

    /** Redis's error reply starts with the error code; the client may wrap it, so look down the cause chain. */
    private static boolean isNoScript(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }
}
