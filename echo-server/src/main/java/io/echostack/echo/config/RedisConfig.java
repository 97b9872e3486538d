package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.echostack.events.broadcast.RedisPrefix;
import io.lettuce.core.RedisURI;

/**
 * {@code databaseConfig.redis}: the ioredis options laravel-echo-server passes through, of which we support the
 * connection ones. Missing values take ioredis' defaults (127.0.0.1:6379, db 0, no password, no prefix).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RedisConfig(String host, Integer port, String password, Integer db, String keyPrefix) {

    public static final RedisConfig DEFAULT = new RedisConfig(null, null, null, null, null);

    public String hostOrDefault() {
        return host == null || host.isBlank() ? "127.0.0.1" : host;
    }

    public int portOrDefault() {
        return port == null ? 6379 : port;
    }

    public int dbOrDefault() {
        return db == null ? 0 : db;
    }

    /** The broadcast channel prefix; must equal Laravel's Redis prefix (e.g. {@code laravel_database_}). */
    public RedisPrefix prefix() {
        return keyPrefix == null ? RedisPrefix.NONE : new RedisPrefix(keyPrefix);
    }

    /** The Lettuce address of this config. */
    public RedisURI toUri() {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(hostOrDefault())
                .withPort(portOrDefault())
                .withDatabase(dbOrDefault());
        if (password != null && !password.isEmpty()) {
            uri.withPassword(password.toCharArray());
        }
        return uri.build();
    }

    /** {@code redis://host:port/db} with the password elided, for logs. */
    public String describe() {
        return "redis://" + (password == null || password.isEmpty() ? "" : "***@")
                + hostOrDefault() + ":" + portOrDefault() + "/" + dbOrDefault();
    }
}
