package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code databaseConfig}. Replaced as a whole when given (laravel-echo-server merges only the top level), so a file
 * that sets {@code databaseConfig} without {@code redis} gets ioredis' defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatabaseConfig(RedisConfig redis, Boolean publishPresence) {

    public RedisConfig redisOrDefault() {
        return redis == null ? RedisConfig.DEFAULT : redis;
    }
}
