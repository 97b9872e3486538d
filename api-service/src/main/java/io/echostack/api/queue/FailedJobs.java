package io.echostack.api.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.api.error.ValidationFailed;
import io.echostack.events.json.Json;
import io.echostack.events.queue.RedisQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hibernate.exception.SQLGrammarException;

/** Laravel's {@code queue:failed}, {@code queue:retry} and {@code queue:forget} on the worker's failed_jobs table. */
@ApplicationScoped
public class FailedJobs {
    private final RedisQueue queue;

    FailedJobs(RedisQueue queue) {
        this.queue = queue;
    }

    /** Newest first. */
    public List<FailedJobView> list(int page, int perPage) {
        return inTransaction(() -> FailedJob.<FailedJob>findAll(Sort.descending("id"))
                .page(Page.of(page - 1, perPage)).list().stream().map(FailedJobView::summary).toList());
    }

    public long count() {
        return inTransaction(() -> FailedJob.count());
    }

    public Optional<FailedJobView> find(String uuid) {
        return inTransaction(() -> FailedJob.byUuid(uuid).map(FailedJobView::detail));
    }

    /**
     * {@code queue:retry}: the payload with {@code attempts} reset to 0 goes back onto its queue, then the record is
     * deleted. A payload that is not a JSON object cannot run again and stays (422).
     *
     * @return false if there is no such failed job
     */
    public boolean retry(String uuid) {
        Optional<FailedJob> job = inTransaction(() -> FailedJob.byUuid(uuid));
        if (job.isEmpty()) {
            return false;
        }
        queue.push(job.get().queue, resetAttempts(job.get().payload));
        inTransaction(() -> FailedJob.delete("uuid", uuid));
        return true;
    }

    /** {@code queue:forget}; false if there was no such failed job. */
    public boolean forget(String uuid) {
        return inTransaction(() -> FailedJob.delete("uuid", uuid) > 0);
    }

    /** One transaction; a missing failed_jobs table (queue-worker never started) becomes a clear 503. */
    private static <T> T inTransaction(Callable<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (SQLGrammarException e) {
            throw new FailedJobsMissing(e);
        }
    }

    /** Like Laravel's {@code resetAttempts}: decode, attempts = 0 if present, {@code json_encode} again. */
    private static String resetAttempts(String payload) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (!(tree instanceof ObjectNode envelope)) {
            throw ValidationFailed.of("payload", "The failed job's payload is not a job and cannot be retried.");
        }
        if (envelope.has("attempts")) {
            envelope.put("attempts", 0);
        }
        return Json.toBroadcastJson(envelope);
    }
}
