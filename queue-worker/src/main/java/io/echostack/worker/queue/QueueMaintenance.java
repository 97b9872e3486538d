package io.echostack.worker.queue;

import io.echostack.events.queue.RedisQueue;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Laravel's "migrate before pop", once per second per queue across all consumer threads: the delayed and reserved
 * scores are whole Unix seconds, so a second migration within the same second would only find what was released in
 * between (picked up one second later instead). The thread that migrates also refreshes the queue depth gauges.
 */
final class QueueMaintenance {
    private final RedisQueue queue;
    private final JobMetrics metrics;
    private final Clock clock;
    private final Map<String, AtomicLong> lastSecond = new ConcurrentHashMap<>();

    QueueMaintenance(RedisQueue queue, JobMetrics metrics, Clock clock) {
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
    }

    void beforePop(String name, Integer retryAfter) {
        long now = clock.instant().getEpochSecond();
        AtomicLong last = lastSecond.computeIfAbsent(name, n -> new AtomicLong(Long.MIN_VALUE));
        long previous = last.get();
        if (previous != now && last.compareAndSet(previous, now)) {
            queue.migrateDue(name, retryAfter);
            metrics.depth(name, queue.stats(name));
        }
    }
}
