package io.echostack.api.broadcast;

import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.queue.RedisQueue;
import io.echostack.redis.VertxScriptExecutor;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Laravel's Redis queue over the Quarkus Redis client (see quarkus-redis). */
public class RedisQueueProducer {

    @Produces
    @Singleton
    RedisQueue redisQueue(Redis redis, BroadcastConfig config) {
        return new RedisQueue(new VertxScriptExecutor(redis, config.redis().timeout()),
                new RedisPrefix(config.redis().prefix()));
    }
}
