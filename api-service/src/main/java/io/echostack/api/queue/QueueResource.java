package io.echostack.api.queue;

import io.echostack.events.queue.QueueStats;
import io.echostack.events.queue.QueueThroughput;
import io.echostack.events.queue.RedisQueue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A small Horizon: queue sizes, jobs processed and failed per minute, and retry/forget of failed jobs, on the worker's
 * own keys, counters and table.
 */
@Path("/api/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private static final int PER_PAGE = 50;
    private static final String NO_MATCH = "No failed job matches the given ID.";

    private final RedisQueue queue;
    private final FailedJobs failed;
    private final List<String> queues;
    private final Clock clock = Clock.systemUTC();

    QueueResource(RedisQueue queue, FailedJobs failed, QueueAdminConfig config) {
        this.queue = queue;
        this.failed = failed;
        this.queues = config.queues();
    }

    /** Sizes now, and per minute the jobs the worker processed and failed (its counters in Redis). */
    @GET
    public QueueOverview overview() {
        Instant now = clock.instant();
        long nowMinute = PerMinute.epochMinute(now);
        List<QueueOverview.QueueSize> sizes = new ArrayList<>();
        List<QueueThroughput> throughputs = new ArrayList<>();
        for (String name : queues) {
            QueueStats stats = queue.stats(name);
            QueueThroughput throughput = queue.throughput(name, nowMinute, PerMinute.MINUTES);
            QueueThroughput.Minute last = PerMinute.lastComplete(throughput);
            sizes.add(new QueueOverview.QueueSize(name, stats.pending(), stats.delayed(), stats.reserved(),
                    stats.oldestAgeSeconds(now.getEpochSecond()).orElse(null), last.processed(), last.failed(),
                    throughput.totalProcessed(), throughput.totalFailed()));
            throughputs.add(throughput);
        }
        List<QueueOverview.MinuteCount> perMinute = PerMinute.sum(throughputs, nowMinute);
        QueueOverview.MinuteCount last = perMinute.get(perMinute.size() - 2);
        return new QueueOverview(sizes, last.processed(), last.failed(),
                perMinute.stream().mapToLong(QueueOverview.MinuteCount::processed).sum(),
                perMinute.stream().mapToLong(QueueOverview.MinuteCount::failed).sum(), perMinute, failed.count());
    }

    /** {@code queue:failed}, newest first, 50 a page. */
    @GET
    @Path("failed")
    public Map<String, Object> failedJobs(@RestQuery Integer page) {
        int current = page == null || page < 1 ? 1 : page;
        return Map.of("data", failed.list(current, PER_PAGE), "total", failed.count(), "current_page", current,
                "per_page", PER_PAGE);
    }

    @GET
    @Path("failed/{uuid}")
    public FailedJobView failedJob(@RestPath String uuid) {
        return failed.find(uuid).orElseThrow(() -> new NotFoundException(NO_MATCH));
    }

    /** {@code queue:retry <uuid>}. */
    @POST
    @Path("failed/{uuid}/retry")
    public Message retry(@RestPath String uuid) {
        if (!failed.retry(uuid)) {
            throw new NotFoundException(NO_MATCH);
        }
        return new Message("The failed job [" + uuid + "] has been pushed back onto the queue.");
    }

    /** {@code queue:forget <uuid>}. */
    @DELETE
    @Path("failed/{uuid}")
    public Message forget(@RestPath String uuid) {
        if (!failed.forget(uuid)) {
            throw new NotFoundException(NO_MATCH);
        }
        return new Message("Failed job deleted successfully.");
    }
}
