package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code databaseConfig}. Replaced as a whole when given (laravel-echo-server merges only the top level), so a file
 * that sets {@code databaseConfig} without {@code redis} gets ioredis' defaults, and without {@code sqlite} the default
 * SQLite path.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatabaseConfig(RedisConfig redis, SqliteConfig sqlite, Boolean publishPresence) {

    /** {@code databaseConfig.sqlite}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SqliteConfig(String databasePath) {
    }

    public RedisConfig redisOrDefault() {
        return redis == null ? RedisConfig.DEFAULT : redis;
    }
}
