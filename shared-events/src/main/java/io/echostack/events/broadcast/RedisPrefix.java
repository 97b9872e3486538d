package io.echostack.events.broadcast;

import java.util.Objects;

/**
 * Laravel's Redis key prefix ({@code database.redis.options.prefix}). Laravel's client library puts it in front of
 * every key, including EVAL KEYS, and RedisBroadcaster puts it in front of every pub/sub channel itself; our Java
 * clients add nothing, so every key and channel we build goes through this type.
 */
public record RedisPrefix(String value) {

    /** The prefix of the Laravel ≤ 11 skeleton ({@code <app slug>_database_} with the default app name). */
    public static final RedisPrefix LARAVEL_DEFAULT = new RedisPrefix("laravel_database_");
    /** No prefix at all ({@code REDIS_PREFIX=}). */
    public static final RedisPrefix NONE = new RedisPrefix("");

    public RedisPrefix {
        Objects.requireNonNull(value, "prefix (use \"\" for none)");
    }

    /** {@code <prefix><name>}: a key, or the pub/sub channel a broadcast on {@code name} is published to. */
    public String apply(String name) {
        return value + name;
    }

    /** The PSUBSCRIBE pattern that sees every broadcast: {@code <prefix>*}. */
    public String subscribePattern() {
        return value + "*";
    }

    /**
     * The channel name of a message received on {@code redisChannel}: the first {@code prefix.length()} characters
     * removed, without checking them, as laravel-echo-server does.
     */
    public String strip(String redisChannel) {
        return redisChannel.length() >= value.length() ? redisChannel.substring(value.length()) : "";
    }

    @Override
    public String toString() {
        return value;
    }
}
