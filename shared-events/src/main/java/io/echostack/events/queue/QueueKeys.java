package io.echostack.events.queue;

import io.echostack.events.broadcast.RedisPrefix;

/**
 * The four Redis keys of one Laravel queue: {@code <prefix>queues:<name>} (ready LIST), {@code …:delayed} (ZSET),
 * {@code …:reserved} (ZSET), {@code …:notify} (LIST of wake-up tokens).
 *
 * <p>With {@code clusterHashTags} the name is wrapped as {@code queues:{<name>}} (Laravel 13 on Redis Cluster), so all
 * four keys hash to one slot and the multi-key scripts run there.
 */
public record QueueKeys(String ready, String delayed, String reserved, String notifyList) {

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
}
