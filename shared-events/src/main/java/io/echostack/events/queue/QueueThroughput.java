package io.echostack.events.queue;

import java.util.List;

/**
 * Jobs processed and failed per Unix minute on one queue, oldest minute first, the last one being the current
 * (partial) minute. Read from the {@link QueueKeys#processed}/{@link QueueKeys#failed} counters.
 */
public record QueueThroughput(List<Minute> minutes) {

    public QueueThroughput {
        minutes = List.copyOf(minutes);
    }

    /** @param epochMinute Unix seconds / 60 */
    public record Minute(long epochMinute, long processed, long failed) {
    }

    public long totalProcessed() {
        return minutes.stream().mapToLong(Minute::processed).sum();
    }

    public long totalFailed() {
        return minutes.stream().mapToLong(Minute::failed).sum();
    }
}
