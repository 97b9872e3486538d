package io.echostack.worker.queue;

import io.echostack.events.MalformedPayloadException;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.JobEnvelope;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import io.echostack.worker.failed.FailedJobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One attempt at one job, with Laravel's rules ({@code Illuminate\Queue\Worker::process}): refuse a job already past
 * its attempts, run it within its timeout (the run deletes it on success), else release it with backoff or fail it.
 * A failed job is recorded in {@code failed_jobs} with its original payload before its reservation is deleted, so no
 * job is dropped.
 */
public class JobProcessor {
    private static final Logger LOG = Logger.getLogger(JobProcessor.class);

    private final BroadcastJobHandler handler;
    private final RedisQueue queue;
    private final FailedJobStore failedJobs;
    private final JobMetrics metrics;
    private final Clock clock;
    private final Duration redisTimeout;
    private final JobLines lines;

    /**
     * @param redisTimeout the limit of one Redis call; a job timeout only matters when it is shorter
     * @param lines        where Laravel's per-job lines go (unless {@code --quiet})
     */
    public JobProcessor(BroadcastJobHandler handler, RedisQueue queue, FailedJobStore failedJobs, JobMetrics metrics,
                        Clock clock, Duration redisTimeout, JobLines lines) {
        this.lines = lines;
        this.handler = handler;
        this.queue = queue;
        this.failedJobs = failedJobs;
        this.metrics = metrics;
        this.clock = clock;
        this.redisTimeout = redisTimeout;
    }

    public void process(ReservedJob job, WorkerOptions options) {
        process(List.of(job), options);
    }

    /**
     * Jobs reserved together from one queue: the ones that can run are run by one script call (bounded by the
     * shortest of their limits), then each gets Laravel's outcome on its own. Jobs that cannot run fail first.
     */
    public void process(List<ReservedJob> jobs, WorkerOptions options) {
        List<Popped> popped = new ArrayList<>(jobs.size());
        for (ReservedJob job : jobs) {
            popped.add(Popped.read(job));
        }
        if (!options.quiet()) {
            lines.processing(popped.stream().map(Popped::envelope).toList());
        }
        List<Attempt> runnable = new ArrayList<>(jobs.size());
        for (Popped job : popped) {
            Attempt attempt = prepare(job, options);
            if (attempt != null) {
                runnable.add(attempt);
            }
        }
        if (runnable.isEmpty()) {
            return;
        }
        Duration limit = runnable.stream().map(Attempt::limit).min(Duration::compareTo).orElseThrow();
        long started = System.nanoTime();
        try {
            handler.run(runnable, limit);
        } catch (RuntimeException e) {
            for (Attempt attempt : runnable) {
                afterError(attempt, limit, e, options);
            }
            return;
        } finally {
            Duration runtime = Duration.ofNanos(System.nanoTime() - started);
            runnable.forEach(attempt -> metrics.runtime(attempt.job().queue(), runtime));
        }
        for (Attempt attempt : runnable) {
            metrics.processed(attempt.job().queue()); // the handler's script deleted it with the publish
        }
        if (!options.quiet()) {
            lines.processed(runnable.stream().map(Attempt::envelope).toList());
        }
    }

    /** @return null when the job cannot run and was failed */
    private Attempt prepare(Popped popped, WorkerOptions options) {
        ReservedJob job = popped.job();
        JobEnvelope envelope = popped.envelope();
        BroadcastJob broadcast;
        if (envelope == null) {
            fail(job, null, popped.unreadable(), options);
            return null;
        }
        int maxTries = envelope.maxTries != null ? envelope.maxTries : options.tries();
        if (alreadyExceeded(envelope, maxTries)) {
            fail(job, envelope, new MaxAttemptsExceededException(name(envelope)), options);
            return null;
        }
        if (envelope.createdAt != null) {
            metrics.waited(job.queue(), Math.max(0, now() - envelope.createdAt));
        }
        try {
            broadcast = BroadcastJobHandler.broadcast(envelope);
        } catch (MalformedPayloadException e) {
            fail(job, envelope, e, options); // retrying cannot help a job we cannot run
            return null;
        }
        int timeout = envelope.timeout != null && envelope.timeout > 0 ? envelope.timeout : options.timeout();
        boolean jobLimited = timeout > 0 && Duration.ofSeconds(timeout).compareTo(redisTimeout) <= 0;
        return new Attempt(job, envelope, broadcast, maxTries, jobLimited ? Duration.ofSeconds(timeout) : redisTimeout,
                jobLimited);
    }

    /** A call that ran past the job's own timeout is Laravel's timeout; anything else is a Redis error. */
    private void afterError(Attempt attempt, Duration limit, RuntimeException error, WorkerOptions options) {
        if (attempt.jobLimited() && attempt.limit().equals(limit) && isTimeout(error)) {
            timedOut(attempt.job(), attempt.envelope(), attempt.maxTries(),
                    new TimeoutExceededException(name(attempt.envelope()), error), options);
        } else {
            retryOrFail(attempt.job(), attempt.envelope(), attempt.maxTries(), error, options);
        }
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
        if (outOfAttempts(envelope, maxTries) || exceptionsReachMax(envelope)) {
            fail(job, envelope, error, options);
            return;
        }
        long delay = Backoff.seconds(envelope.backoff, options.backoff(), envelope.attempts);
        queue.release(job, delay);
        metrics.released(job.queue());
        LOG.warnf(error, "%s failed on attempt %d; released for another attempt in %d s",
                name(envelope), envelope.attempts, delay);
    }

    /** Laravel's {@code maxExceptions}: this exception counted, the job fails once it has thrown that many. */
    private boolean exceptionsReachMax(JobEnvelope envelope) {
        return envelope.maxExceptions != null && envelope.uuid != null
                && queue.exceptionReachesMax(envelope.uuid, envelope.maxExceptions);
    }

    /**
     * Laravel on timeout: fail the job if this was its last attempt, if the timeout is its {@code maxExceptions}-th
     * exception (Laravel 8 counts timeouts there too) or it says {@code failOnTimeout}; otherwise it stays reserved
     * and runs again after {@code retry_after} (Laravel's worker kills itself here; ours goes on).
     */
    private void timedOut(ReservedJob job, JobEnvelope envelope, int maxTries, TimeoutExceededException error,
                          WorkerOptions options) {
        if (outOfAttempts(envelope, maxTries) || exceptionsReachMax(envelope) || envelope.failOnTimeout) {
            fail(job, envelope, error, options);
            return;
        }
        metrics.timedOut(job.queue());
        LOG.warnf("%s timed out on attempt %d; it runs again when its reservation expires (retry_after)",
                name(envelope), envelope.attempts);
    }

    /** Record first: if PostgreSQL is down the reservation stays, expires, and the job fails again later. */
    private void fail(ReservedJob job, JobEnvelope envelope, Exception error, WorkerOptions options) {
        failedJobs.record(options.connection(), job.queue(), job.raw(), error);
        queue.deleteFailed(job);
        metrics.failed(job.queue());
        if (!options.quiet()) {
            lines.failed(envelope);
        }
        LOG.errorf("Job on queue %s failed and was recorded in failed_jobs: %s", job.queue(), error.getMessage());
    }

    /** A reserved job and its parsed payload, or why the payload cannot be read. */
    private record Popped(ReservedJob job, JobEnvelope envelope, MalformedPayloadException unreadable) {
        static Popped read(ReservedJob job) {
            try {
                return new Popped(job, job.envelope(), null);
            } catch (MalformedPayloadException e) {
                return new Popped(job, null, e);
            }
        }
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException) {
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
