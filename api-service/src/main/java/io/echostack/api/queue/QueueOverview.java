package io.echostack.api.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The queue page's numbers: sizes now, and jobs processed and failed per minute from the per-minute counters that
 * queue-worker's scripts increment (one source for both numbers), summed over the watched queues.
 *
 * @param perMinute         the last {@link PerMinute#MINUTES} minutes, oldest first; the last is the current,
 *                          still running minute
 * @param processedLastMinute in the last complete minute (the second-to-last of {@code perMinute})
 * @param processedLastHour the sum over {@code perMinute}
 * @param failedTotal       rows in failed_jobs, what {@code /api/queue/failed} lists
 */
public record QueueOverview(
        List<QueueSize> queues,
        @JsonProperty("processed_last_minute") long processedLastMinute,
        @JsonProperty("failed_last_minute") long failedLastMinute,
        @JsonProperty("processed_last_hour") long processedLastHour,
        @JsonProperty("failed_last_hour") long failedLastHour,
        @JsonProperty("per_minute") List<MinuteCount> perMinute,
        @JsonProperty("failed_total") long failedTotal) {

    /** One queue: its sizes now, as {@code queue:monitor} sees them, and its throughput. */
    public record QueueSize(
            String name,
            long pending,
            long delayed,
            long reserved,
            @JsonProperty("oldest_pending_seconds") Long oldestPendingSeconds,
            @JsonProperty("processed_last_minute") long processedLastMinute,
            @JsonProperty("failed_last_minute") long failedLastMinute,
            @JsonProperty("processed_last_hour") long processedLastHour,
            @JsonProperty("failed_last_hour") long failedLastHour) {
    }

    /** @param minute when the minute began, UTC ({@code 2026-11-26T14:05:00Z}) */
    public record MinuteCount(String minute, long processed, long failed) {
    }
}
