package io.echostack.worker.failed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.queue.RedisQueue;

/**
 * {@code queue:retry}: as Laravel's RetryCommand, the stored payload goes back onto its own queue with
 * {@code attempts} reset to 0, then the failed record is deleted. A payload that is not a JSON object cannot run
 * again, so it is refused and kept.
 */
public class FailedJobRetry {
    private final FailedJobStore store;
    private final RedisQueue queue;

    public FailedJobRetry(FailedJobStore store, RedisQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    /** @throws IllegalArgumentException the payload cannot be retried */
    public void retry(FailedJob job) {
        queue.push(job.queue(), withAttemptsReset(job));
        store.forget(job.uuid());
    }

    private static String withAttemptsReset(FailedJob job) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(job.payload());
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (!(tree instanceof ObjectNode payload)) {
            throw new IllegalArgumentException("failed job [" + job.uuid() + "] cannot be retried: its payload is not"
                    + " a JSON object");
        }
        if (payload.has("attempts")) {
            payload.put("attempts", 0);
        }
        return Json.toQueueJson(payload);
    }
}
