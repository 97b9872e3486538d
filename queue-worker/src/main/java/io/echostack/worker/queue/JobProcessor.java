package io.echostack.worker.queue;

import io.echostack.events.MalformedPayloadException;
import io.echostack.events.queue.JobEnvelope;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import io.echostack.worker.failed.FailedJobStore;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One attempt at one job, with Laravel's rules ({@code Illuminate\Queue\Worker::process}): refuse a job already past
 * its attempts, run it within its timeout, then delete it, release it with backoff, or fail it. A failed job is
 * recorded in {@code failed_jobs} with its original payload before its reservation is deleted, so no job is dropped.
 */
public class JobProcessor {
    private static final Logger LOG = Logger.getLogger(JobProcessor.class);

    private final BroadcastJobHandler handler;
    private final RedisQueue queue;
    private final FailedJobStore failedJobs;
    private final JobMetrics metrics;
    private final Clock clock;
    private final Duration redisTimeout;

    /** @param redisTimeout the limit of one Redis call; a job timeout only matters when it is shorter */
    public JobProcessor(BroadcastJobHandler handler, RedisQueue queue, FailedJobStore failedJobs, JobMetrics metrics,
                        Clock clock, Duration redisTimeout) {
        this.handler = handler;
        this.queue = queue;
        this.failedJobs = failedJobs;
        this.metrics = metrics;
        this.clock = clock;
        this.redisTimeout = redisTimeout;
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
        if (envelope.createdAt != null) {
            metrics.waited(job.queue(), Math.max(0, now() - envelope.createdAt));
        }
        int timeout = envelope.timeout != null && envelope.timeout > 0 ? envelope.timeout : options.timeout();
        boolean jobLimited = timeout > 0 && Duration.ofSeconds(timeout).compareTo(redisTimeout) <= 0;
        long started = System.nanoTime();
        try {
            handler.handle(envelope, jobLimited ? Duration.ofSeconds(timeout) : redisTimeout);
        } catch (MalformedPayloadException e) {
            fail(job, e, options); // retrying cannot help a job we cannot run
            return;
        } catch (RuntimeException e) {
            if (jobLimited && isTimeout(e)) {
                timedOut(job, envelope, maxTries, new TimeoutExceededException(name(envelope), e), options);
            } else {
                retryOrFail(job, envelope, maxTries, e, options);
            }
            return;
        } finally {
            metrics.runtime(job.queue(), Duration.ofNanos(System.nanoTime() - started));
        }
        queue.delete(job);
        metrics.processed(job.queue());
        LOG.debugf("Processed %s (%s)", name(envelope), envelope.uuid);
    }

    /** Before running: a job reserved again after its last attempt (its worker died) is not run again. */
    private boolean alreadyExceeded(JobEnvelope envelope, int maxTries) {
        if (envelope.retryUntil != null) {
            return now() > envelope.retryUntil;
        }
        return maxTries > 0 && envelope.attempts > maxTries;
    }

    private boolean outOfAttempts(JobEnvelope envelope, int maxTries) {
        if (envelope.retryUntil != null) {
            return envelope.retryUntil <= now();
        }
        return maxTries > 0 && envelope.attempts >= maxTries;
    }

    private void retryOrFail(ReservedJob job, JobEnvelope envelope, int maxTries, RuntimeException error,
                             WorkerOptions options) {
        if (outOfAttempts(envelope, maxTries)) {
            fail(job, error, options);
            return;
        }
        long delay = Backoff.seconds(envelope.backoff, options.backoff(), envelope.attempts);
        queue.release(job, delay);
        metrics.released(job.queue());
        LOG.warnf(error, "%s failed on attempt %d; released for another attempt in %d s",
                name(envelope), envelope.attempts, delay);
    }

    /**
     * Laravel on timeout: fail the job if this was its last attempt or it says {@code failOnTimeout}; otherwise it
     * stays reserved and runs again after {@code retry_after} (Laravel's worker kills itself here; ours goes on).
     */
    private void timedOut(ReservedJob job, JobEnvelope envelope, int maxTries, TimeoutExceededException error,
                          WorkerOptions options) {
        if (envelope.failOnTimeout || outOfAttempts(envelope, maxTries)) {
            fail(job, error, options);
            return;
        }
        metrics.timedOut(job.queue());
        LOG.warnf("%s timed out on attempt %d; it runs again when its reservation expires (retry_after)",
                name(envelope), envelope.attempts);
    }

    /** Record first: if PostgreSQL is down the reservation stays, expires, and the job fails again later. */
    private void fail(ReservedJob job, Exception error, WorkerOptions options) {
        failedJobs.record(options.connection(), job.queue(), job.raw(), error);
        queue.delete(job);
        metrics.failed(job.queue());
        LOG.errorf("Job on queue %s failed and was recorded in failed_jobs: %s", job.queue(), error.getMessage());
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String name(JobEnvelope envelope) {
        return envelope.displayName != null ? envelope.displayName : envelope.commandName();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
