package io.echostack.events.presence;

import io.echostack.events.broadcast.RedisPrefix;

/**
 * Where presence members live, as laravel-echo-server keeps them: {@code <keyPrefix>presence-<channel>:members}, one
 * JSON array per channel. The registry set of an echo-server instance
 * ({@code <keyPrefix>echo-server:<instance>:presence}) is ours: {@code "<socketId> <channel>"} for every member it
 * wrote, so it can remove them if it died without leaving.
 * The union of all registries ({@code <keyPrefix>echo-server:presence:owned}) tells a member an instance
 * owns from one nobody will ever remove (left by laravel-echo-server, which keeps no registry), dropped at joins.
 */
public record PresenceKeys(RedisPrefix prefix) {

    /** The key without the Redis prefix, as laravel-echo-server names it (and publishes it with publishPresence). */
    public static String storeKey(String channel) {
        return channel + ":members";
    }

    public String members(String channel) {
        return prefix.apply(storeKey(channel));
    }

    public String registry(String instanceId) {
        return prefix.apply("echo-server:" + instanceId + ":presence");
    }

    public String owned() {
        return prefix.apply("echo-server:presence:owned");
    }
}
