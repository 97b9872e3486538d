package io.echostack.api.broadcast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where broadcast jobs go: Laravel's Redis queue layout, so the same keys a Laravel app would use. */
@ConfigMapping(prefix = "echo")
public interface BroadcastConfig {

    Redis redis();

    Queue queue();

    interface Redis {
        /** Laravel's {@code database.redis.options.prefix} ({@code REDIS_PREFIX}); Laravel ≤ 11 default. */
        @WithDefault("laravel_database_")
        String prefix();

        /** How long one Redis script call may take before the request fails. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Queue {
        /** Laravel's {@code queue.connections.redis.queue} ({@code REDIS_QUEUE}). */
        @WithDefault("default")
        String name();
    }
}
