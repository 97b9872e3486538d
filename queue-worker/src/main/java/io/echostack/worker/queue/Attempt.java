package io.echostack.worker.queue;

import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.JobEnvelope;
import io.echostack.events.queue.ReservedJob;
import java.time.Duration;

/**
 * One job about to run: what the rules need after the run, decided before it.
 *
 * @param limit      how long its run may take: its timeout when that is shorter than a Redis call's, else the Redis
 *                   call timeout
 * @param jobLimited whether {@code limit} is the job's own timeout (running past it is a Laravel timeout, not a
 *                   Redis error)
 */
record Attempt(ReservedJob job, JobEnvelope envelope, BroadcastJob broadcast, int maxTries, Duration limit,
               boolean jobLimited) {
}
