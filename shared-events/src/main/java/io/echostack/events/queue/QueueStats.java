package io.echostack.events.queue;

import java.util.Optional;

/**
 * One queue at one instant, as {@code queue:monitor} shows it.
 *
 * @param pending         jobs ready to run (the list)
 * @param delayed         jobs waiting for their time ({@code :delayed})
 * @param reserved        jobs being run, or left by a dead worker until {@code retry_after} ({@code :reserved})
 * @param oldestCreatedAt Unix second the oldest pending job was created, when its payload says so ({@code createdAt})
 */
public record QueueStats(long pending, long delayed, long reserved, Optional<Long> oldestCreatedAt) {

    /** Seconds the oldest pending job has waited, if known. */
    public Optional<Long> oldestAgeSeconds(long nowEpochSecond) {
        return oldestCreatedAt.map(created -> Math.max(0, nowEpochSecond - created));
    }
}
