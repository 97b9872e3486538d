package io.echostack.api.queue;

import io.echostack.events.queue.QueueStats;
import io.echostack.events.queue.RedisQueue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A small Horizon: queue sizes, failures, and retry/forget of failed jobs, on the worker's own keys and table. */
@Path("/api/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private static final int PER_PAGE = 50;
    private static final String NO_MATCH = "No failed job matches the given ID.";

    private final RedisQueue queue;
    private final FailedJobs failed;
    private final List<String> queues;

    QueueResource(RedisQueue queue, FailedJobs failed, QueueAdminConfig config) {
        this.queue = queue;
        this.failed = failed;
        this.queues = config.queues();
    }

    @GET
    public QueueOverview overview() {
        long now = Instant.now().getEpochSecond();
        List<QueueOverview.QueueSize> sizes = queues.stream().map(name -> {
            QueueStats stats = queue.stats(name);
            return new QueueOverview.QueueSize(name, stats.pending(), stats.delayed(), stats.reserved(),
                    stats.oldestAgeSeconds(now).orElse(null));
        }).toList();
        return new QueueOverview(sizes, failed.count(), failed.failedWithin(60));
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
