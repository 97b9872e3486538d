package io.echostack.redis;

import io.echostack.events.script.LuaScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Lua script as Redis knows it: the source for EVAL and its SHA1 for EVALSHA. Wraps the shared {@link LuaScript}s
 * and also carries a service's own script (a classpath resource) through the same executor.
 *
 * @param name   for error messages
 * @param source the script text
 * @param sha1   lowercase hex SHA1 of the UTF-8 source
 */
public record RedisScript(String name, String source, String sha1) {

    public RedisScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha1, "sha1");
    }

    public static RedisScript of(LuaScript script) {
        return new RedisScript(script.name().toLowerCase(java.util.Locale.ROOT), script.source(), script.sha1());
    }

    /** Loads {@code resource} (an absolute classpath path such as {@code /lua/x.lua}) with {@code owner}'s loader. */
    public static RedisScript fromResource(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new RedisScript(resource, source, sha1Hex(source));
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
