package io.echostack.worker.queue;

import io.echostack.events.MalformedPayloadException;
import io.echostack.events.queue.JobEnvelope;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import io.echostack.worker.failed.FailedJobStore;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * One attempt at one job, with Laravel's rules ({@code Illuminate\Queue\Worker::process}): refuse a job already past
 * its attempts, run it, then delete it, release it with backoff, or fail it. A failed job is recorded in
 * {@code failed_jobs} with its original payload before its reservation is deleted, so no job is dropped silently.
 */
public class JobProcessor {
    private static final Logger LOG = Logger.getLogger(JobProcessor.class);

    private final BroadcastJobHandler handler;
    private final RedisQueue queue;
    private final FailedJobStore failedJobs;
    private final JobOutcomes outcomes;
    private final Clock clock;

    public JobProcessor(BroadcastJobHandler handler, RedisQueue queue, FailedJobStore failedJobs, JobOutcomes outcomes,
                        Clock clock) {
        this.handler = handler;
        this.queue = queue;
        this.failedJobs = failedJobs;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    public void process(ReservedJob job, WorkerOptions options) {
        JobEnvelope envelope;
        try {
            envelope = job.envelope();
        } catch (MalformedPayloadException e) {
            fail(job, e, options);
            return;
        }
        int maxTries = envelope.maxTries != null ? envelope.maxTries : options.tries();
        if (alreadyExceeded(envelope, maxTries)) {
            fail(job, new MaxAttemptsExceededException(name(envelope)), options);
            return;
        }
        try {
            handler.handle(envelope);
        } catch (MalformedPayloadException e) {
            fail(job, e, options); // retrying cannot help a job we cannot run
            return;
        } catch (RuntimeException e) {
            retryOrFail(job, envelope, maxTries, e, options);
            return;
        }
        queue.delete(job);
        outcomes.processed(job.queue());
        LOG.debugf("Processed %s (%s)", name(envelope), envelope.uuid);
    }

    /** Before running: a job reserved again after its last attempt (its worker died) is not run again. */
    private boolean alreadyExceeded(JobEnvelope envelope, int maxTries) {
        if (envelope.retryUntil != null) {
            return now() > envelope.retryUntil;
        }
        return maxTries > 0 && envelope.attempts > maxTries;
    }

    private void retryOrFail(ReservedJob job, JobEnvelope envelope, int maxTries, RuntimeException error,
                             WorkerOptions options) {
        boolean outOfTime = envelope.retryUntil != null && envelope.retryUntil <= now();
        boolean outOfTries = envelope.retryUntil == null && maxTries > 0 && envelope.attempts >= maxTries;
        if (outOfTime || outOfTries) {
            fail(job, error, options);
            return;
        }
        long delay = Backoff.seconds(envelope.backoff, options.backoff(), envelope.attempts);
        queue.release(job, delay);
        outcomes.released(job.queue());
        LOG.warnf(error, "%s failed on attempt %d; released for another attempt in %d s",
                name(envelope), envelope.attempts, delay);
    }

    /** Record first: if PostgreSQL is down the reservation stays, expires, and the job fails again later. */
    private void fail(ReservedJob job, Exception error, WorkerOptions options) {
        failedJobs.record(options.connection(), job.queue(), job.raw(), error);
        queue.delete(job);
        outcomes.failed(job.queue());
        LOG.errorf("Job on queue %s failed and was recorded in failed_jobs: %s", job.queue(), error.getMessage());
    }

    private static String name(JobEnvelope envelope) {
        return envelope.displayName != null ? envelope.displayName : envelope.commandName();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
