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
    PUSH("push"),
    LATER("later"),
    POP("pop"),
    RELEASE("release"),
    DELETE("delete"),
    MIGRATE("migrate"),
    SIZE("size"),
    CLEAR("clear"),
    PUBLISH("publish");

    private final String fileName;
    private final String source;
    private final String sha1;

    LuaScript(String name) {
        this.fileName = name + ".lua";
        this.source = load(fileName);
        this.sha1 = sha1Hex(source);
    }

    /** The script text, as sent with EVAL / SCRIPT LOAD. */
    public String source() {
        return source;
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
