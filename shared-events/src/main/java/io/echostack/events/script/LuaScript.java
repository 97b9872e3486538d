package io.echostack.events.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The named Lua scripts that carry Laravel's Redis queue and broadcast semantics, loaded from
 * {@code src/main/resources/lua/<name>.lua}. Each file documents its KEYS/ARGV contract, which is Laravel's.
 * Every service runs them with its own Redis client through a {@link ScriptExecutor} (EVALSHA, EVAL on NOSCRIPT),
 * so the semantics live here once and cannot drift between producers and workers.
 */
public enum LuaScript {
    PUSH("push", Reply.INTEGER),
    LATER("later", Reply.INTEGER),
    POP("pop", Reply.ARRAY),
    /** pop.lua for up to N jobs in one call (a worker draining a deep queue). */
    POP_MANY("pop_many", Reply.ARRAY),
    RELEASE("release", Reply.INTEGER),
    DELETE("delete", Reply.INTEGER),
    /** delete.lua for a job recorded in failed_jobs, counted in the minute's failed counter (not Laravel's). */
    DELETE_FAILED("delete_failed", Reply.INTEGER),
    MIGRATE("migrate", Reply.ARRAY),
    SIZE("size", Reply.INTEGER),
    CLEAR("clear", Reply.INTEGER),
    STATS("stats", Reply.ARRAY),
    /**
     * For each broadcast job: PUBLISH to every channel (Laravel's RedisBroadcaster), then delete.lua; then the minute's
     * processed counter; one atomic call.
     */
    PUBLISH_DELETE("publish_delete", Reply.ARRAY),
    /** Laravel's per-job exception count for {@code maxExceptions} (kept in its cache there). */
    JOB_EXCEPTIONS("job_exceptions", Reply.INTEGER),
    /** Laravel's {@code queue:restart} signal: set or read {@code illuminate:queue:restart} (see restart_signal.lua). */
    RESTART_SIGNAL("restart_signal", Reply.ARRAY),
    /** MGET of a queue's per-minute processed and failed counters (not Laravel's). */
    THROUGHPUT("throughput", Reply.ARRAY),
    /** Atomic presence join/leave on laravel-echo-server's JSON-array member key (see presence.lua). */
    PRESENCE("presence", Reply.ARRAY);

    /** What a script returns, for clients that must pick an output type up front (Lettuce). */
    public enum Reply {
        /** A Redis integer ({@link Long}). */
        INTEGER,
        /** A Redis array of bulk strings or nils ({@link java.util.List} of {@link String} / null). */
        ARRAY
    }

    private final String fileName;
    private final Reply reply;
    private final String source;
    private final String sha1;

    LuaScript(String name, Reply reply) {
        this.fileName = name + ".lua";
        this.reply = reply;
        this.source = load(fileName);
        this.sha1 = sha1Hex(source);
    }

    /** The script text, as sent with EVAL / SCRIPT LOAD. */
    public String source() {
        return source;
    }

    public Reply reply() {
        return reply;
    }

    /** The SHA1 Redis knows the script by, for EVALSHA. */
    public String sha1() {
        return sha1;
    }

    private static String load(String fileName) {
        try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /lua/" + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JRE", e);
        }
    }
}
