package io.echostack.api.queue;

import io.echostack.events.queue.QueueKeys;
import io.echostack.events.queue.QueueThroughput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue page's minutes: Unix minutes by this host's clock (queue-worker counts by its own, so keep the clocks in
 * sync), the last complete one, and the watched queues' counters added up minute by minute.
 */
final class PerMinute {
    /** How far back the page looks: every minute the counters are kept for. */
    static final int MINUTES = QueueKeys.COUNTER_MINUTES;

    private PerMinute() {
    }

    static long epochMinute(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 60);
    }

    /** The minute before the current, still running one. */
    static QueueThroughput.Minute lastComplete(QueueThroughput throughput) {
        return throughput.minutes().get(throughput.minutes().size() - 2);
    }

    /** @param perQueue each read for the {@link #MINUTES} minutes ending with {@code nowMinute} */
    static List<QueueOverview.MinuteCount> sum(List<QueueThroughput> perQueue, long nowMinute) {
        List<QueueOverview.MinuteCount> sums = new ArrayList<>(MINUTES);
        for (int m = 0; m < MINUTES; m++) {
            long processed = 0;
            long failed = 0;
            for (QueueThroughput throughput : perQueue) {
                processed += throughput.minutes().get(m).processed();
                failed += throughput.minutes().get(m).failed();
            }
            long epochMinute = nowMinute - MINUTES + 1 + m;
            sums.add(new QueueOverview.MinuteCount(Instant.ofEpochSecond(epochMinute * 60).toString(), processed,
                    failed));
        }
        return sums;
    }
}
