package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.broadcast.RedisPrefix;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code databaseConfig.redis}: the ioredis options laravel-echo-server passes through, of which we support the
 * connection ones, under ioredis' names and with its defaults (127.0.0.1:6379, db 0, no password, no prefix, 10 s
 * connect timeout). {@link RedisClients} turns it into the one Lettuce client setup the subscriber and the presence
 * store share.
 *
 * @param username  Redis 6 ACL user (ioredis 4.19+); with it, {@code password} is that user's
 * @param tls       an object (ioredis {@code tls: {}}) means TLS to Redis; see {@link RedisTls}
 * @param sentinels {@code [{host, port}]}: ask these sentinels for the master named {@code name}
 * @param enableTLSForSentinelMode as ioredis: with {@code sentinels}, {@code tls} applies to the master only when true
 * @param options   read only for {@code options.db}: Docker templates write {@code "options": {"db": n}}, which ioredis
 *                  ignores; we use it when {@code db} is absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RedisConfig(
        String host,
        Integer port,
        String username,
        String password,
        Integer db,
        String keyPrefix,
        RedisTls tls,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<SentinelAddress> sentinels,
        String name,
        String sentinelUsername,
        String sentinelPassword,
        Boolean enableTLSForSentinelMode,
        Integer connectTimeout,
        JsonNode options) {

    public static final RedisConfig DEFAULT = new RedisConfig(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** One entry of {@code sentinels}; the port defaults to 26379 as in ioredis. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SentinelAddress(String host, Integer port) {

        public String hostOrDefault() {
            return host == null || host.isBlank() ? "127.0.0.1" : host;
        }

        public int portOrDefault() {
            return port == null ? 26379 : port;
        }
    }

    public String hostOrDefault() {
        return host == null || host.isBlank() ? "127.0.0.1" : host;
    }

    public int portOrDefault() {
        return port == null ? 6379 : port;
    }

    /** {@code db}, else {@code options.db}, else 0. */
    public int dbOrDefault() {
        if (db != null) {
            return db;
        }
        return options == null ? 0 : options.path("db").asInt(0);
    }

    /** ioredis' {@code connectTimeout}, 10 s by default. */
    public int connectTimeoutMillis() {
        return connectTimeout == null || connectTimeout <= 0 ? 10_000 : connectTimeout;
    }

    public boolean sentinelMode() {
        return sentinels != null && !sentinels.isEmpty();
    }

    /** Whether the data connection (the master's, with sentinels) uses TLS, as ioredis decides it. */
    public boolean tlsToData() {
        return tls != null && (!sentinelMode() || Boolean.TRUE.equals(enableTLSForSentinelMode));
    }

    /** The broadcast channel prefix; must equal Laravel's Redis prefix (e.g. {@code laravel_database_}). */
    public RedisPrefix prefix() {
        return keyPrefix == null ? RedisPrefix.NONE : new RedisPrefix(keyPrefix);
    }

    /** Where we connect, without secrets, for logs: {@code redis[s]://[***@]host:port/db} or the sentinels. */
    public String describe() {
        String scheme = tlsToData() ? "rediss" : "redis";
        String auth = password == null || password.isEmpty() ? "" : (username == null ? "" : username + ":") + "***@";
        if (sentinelMode()) {
            return scheme + "-sentinel://" + auth + sentinels.stream()
                    .map(s -> s.hostOrDefault() + ":" + s.portOrDefault()).collect(Collectors.joining(","))
                    + "/" + dbOrDefault() + "#" + name;
        }
        return scheme + "://" + auth + hostOrDefault() + ":" + portOrDefault() + "/" + dbOrDefault();
    }
}
