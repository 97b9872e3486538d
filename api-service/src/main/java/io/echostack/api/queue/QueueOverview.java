package io.echostack.api.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The queue page's numbers. Processed-per-minute lives in queue-worker's own metrics ({@code queue_jobs_total} on its
 * {@code /q/metrics}); failures per minute come from failed_jobs, which both services share.
 */
public record QueueOverview(
        List<QueueSize> queues,
        @JsonProperty("failed_total") long failedTotal,
        @JsonProperty("failed_last_minute") long failedLastMinute) {

    /** One queue right now, as {@code queue:monitor} sees it. */
    public record QueueSize(
            String name,
            long pending,
            long delayed,
            long reserved,
            @JsonProperty("oldest_pending_seconds") Long oldestPendingSeconds) {
    }
}
