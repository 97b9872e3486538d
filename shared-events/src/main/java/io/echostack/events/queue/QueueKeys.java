package io.echostack.events.queue;

import io.echostack.events.broadcast.RedisPrefix;

/**
 * The four Redis keys of one Laravel queue: {@code <prefix>queues:<name>} (ready LIST), {@code …:delayed} (ZSET),
 * {@code …:reserved} (ZSET), {@code …:notify} (LIST of wake-up tokens); and our per-minute throughput counters
 * {@code …:processed:<epochMinute>} and {@code …:failed:<epochMinute>} (STRING integers, not Laravel's).
 *
 * <p>With {@code clusterHashTags} the name is wrapped as {@code queues:{<name>}} (Laravel 13 on Redis Cluster), so all
 * the keys hash to one slot and the multi-key scripts run there.
 */
public record QueueKeys(String ready, String delayed, String reserved, String notifyList) {

    /** How many past minutes of counters can be read; older ones have expired. */
    public static final int COUNTER_MINUTES = 60;

    /**
     * Lifetime of a counter key, renewed on each increment: the {@link #COUNTER_MINUTES} window plus a minute of slack,
     * so the oldest minute of a window is still there and nothing grows without bound.
     */
    public static final long COUNTER_TTL_SECONDS = (COUNTER_MINUTES + 1) * 60L;

    public static QueueKeys of(RedisPrefix prefix, String queue, boolean clusterHashTags) {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        String base = prefix.apply("queues:" + (clusterHashTags ? "{" + queue + "}" : queue));
        return new QueueKeys(base, base + ":delayed", base + ":reserved", base + ":notify");
    }

    public static QueueKeys of(RedisPrefix prefix, String queue) {
        return of(prefix, queue, false);
    }

    /** Jobs of this queue run to completion (published and deleted) during the Unix minute {@code epochMinute}. */
    public String processed(long epochMinute) {
        return ready + ":processed:" + epochMinute;
    }

    /** Jobs of this queue recorded in {@code failed_jobs} during the Unix minute {@code epochMinute}. */
    public String failed(long epochMinute) {
        return ready + ":failed:" + epochMinute;
    }
}
