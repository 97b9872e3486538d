package io.echostack.api.broadcast;

import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.RedisQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Laravel's {@code broadcast(new Event)} for a {@code ShouldBroadcast} event: push the job onto the configured
 * Redis queue, where queue-worker (or anything speaking Laravel's queue) publishes it.
 */
@ApplicationScoped
public class BroadcastDispatcher {
    private final RedisQueue queue;
    private final String queueName;
    private final Clock clock;

    BroadcastDispatcher(RedisQueue queue, BroadcastConfig config) {
        this.queue = queue;
        this.queueName = config.queue().name();
        this.clock = Clock.systemUTC();
    }

    /** Pushes a fresh envelope (new uuid and id, attempts 0); returns its Laravel job id. */
    public String dispatch(BroadcastJob job) {
        var envelope = job.toEnvelope(clock.instant());
        queue.push(queueName, envelope.toJson());
        return envelope.id;
    }
}
