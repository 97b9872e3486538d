package io.echostack.worker.queue;

import io.echostack.events.queue.RedisQueue;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Laravel's {@code queue:restart}: the worker remembers the restart signal it first reads and stops after its current
 * job once the signal differs. Laravel reads the cache after every job; here the consumers share one read per second.
 */
final class RestartSignal {
    private final RedisQueue queue;
    private final Clock clock;
    private final AtomicLong lastCheck = new AtomicLong(Long.MIN_VALUE);
    /** What the worker read first; null until then (a Redis error at start must not look like a restart). */
    private final AtomicReference<Optional<String>> atStart = new AtomicReference<>();

    RestartSignal(RedisQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** @return true when a restart was signalled since this worker first read the signal */
    boolean requested() {
        long now = clock.instant().getEpochSecond();
        long last = lastCheck.get();
        if (last == now || !lastCheck.compareAndSet(last, now)) {
            return false;
        }
        Optional<String> current = queue.restartSignal();
        return !atStart.compareAndSet(null, current) && !Objects.equals(atStart.get(), current);
    }
}
