package io.echostack.worker.queue;

import io.echostack.events.queue.QueueKeys;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import io.echostack.events.script.LuaScript;
import io.echostack.redis.RedisScript;
import io.echostack.redis.VertxScriptExecutor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@link RedisQueue#pop} with a tolerant pop script ({@code lua/pop-tolerant.lua}), so a payload that is not a job
 * reaches the worker to be recorded as failed instead of vanishing inside Redis. Same keys, same migrate steps, same
 * reservation as Laravel's pop.
 */
public class JobReserver {
    private static final RedisScript POP = RedisScript.fromResource(JobReserver.class, "/lua/pop-tolerant.lua");

    private final VertxScriptExecutor redis;
    private final RedisQueue queue;
    private final Clock clock;

    public JobReserver(VertxScriptExecutor redis, RedisQueue queue, Clock clock) {
        this.redis = redis;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Migrates due delayed jobs and expired reservations (unless {@code retryAfterSeconds} is null), then reserves the
     * oldest ready job until now + retry_after.
     */
    public Optional<Reservation> reserve(String name, Integer retryAfterSeconds) {
        QueueKeys keys = queue.keys(name);
        long now = clock.instant().getEpochSecond();
        migrate(keys.delayed(), keys, now);
        if (retryAfterSeconds != null) {
            migrate(keys.reserved(), keys, now);
        }
        long expiresAt = now + (retryAfterSeconds == null ? 0 : retryAfterSeconds);
        List<?> reply = (List<?>) redis.run(POP, List.of(keys.ready(), keys.reserved(), keys.notifyList()),
                List.of(Long.toString(expiresAt)));
        if (reply == null || reply.isEmpty() || reply.get(0) == null) {
            return Optional.empty();
        }
        ReservedJob job = new ReservedJob(name, (String) reply.get(0), (String) reply.get(1));
        String problem = reply.size() > 2 ? (String) reply.get(2) : null;
        return Optional.of(new Reservation(job, problem));
    }

    private void migrate(String from, QueueKeys keys, long now) {
        redis.run(LuaScript.MIGRATE, List.of(from, keys.ready(), keys.notifyList()), List.of(Long.toString(now)));
    }
}
