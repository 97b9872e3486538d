package io.echostack.redis;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * BLPOP over the Quarkus Redis client: waits for a token on any of several lists (a queue's {@code :notify}), at most
 * a bounded time so the caller stays stoppable. Each waiting caller holds one pooled connection while it waits.
 */
public final class VertxListWait {
    private final Redis redis;
    private final Duration slack;

    /** @param slack extra time the client waits beyond the BLPOP timeout before it gives up on Redis */
    public VertxListWait(Redis redis, Duration slack) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.slack = Objects.requireNonNull(slack, "slack");
    }

    /** @return true when a token was taken from one of {@code keys}, false when {@code max} passed without one */
    public boolean await(List<String> keys, Duration max) {
        if (keys.isEmpty() || max.isZero() || max.isNegative()) {
            return false;
        }
        Request request = Request.cmd(Command.BLPOP);
        keys.forEach(request::arg);
        request.arg(String.format(Locale.ROOT, "%.3f", max.toMillis() / 1000.0));
        try {
            return redis.send(request).await().atMost(max.plus(slack)) != null;
        } catch (RuntimeException e) {
            throw new RedisScriptException("Redis BLPOP " + keys + " failed: " + e.getMessage(), e);
        }
    }
}
