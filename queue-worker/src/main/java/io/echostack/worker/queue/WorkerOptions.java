package io.echostack.worker.queue;

import io.echostack.worker.config.WorkerConfig;
import java.time.Duration;
import java.util.List;

/**
 * One run of {@code queue:work}, with Laravel's option names and meanings.
 *
 * @param connection    the name recorded in {@code failed_jobs.connection}
 * @param queues        the queues to work, highest priority first ({@code --queue=high,default})
 * @param concurrency   consumer threads, each popping and running one job at a time
 * @param sleep         idle pause when nothing was ready and {@code blockFor} is zero, and after an error
 * @param blockFor      how long one idle wait blocks on the queues' {@code :notify} lists (BLPOP); zero = sleep instead
 * @param tries         attempts for jobs without {@code maxTries}; 0 = unlimited
 * @param backoff       seconds before a retry ({@code "3"} or {@code "1,5,10"})
 * @param timeout       seconds one job may run unless it sets its own {@code timeout}; 0 = no limit
 * @param retryAfter    seconds a reservation lasts, or null for "never expire"
 * @param maxJobs       stop after this many jobs; 0 = no limit
 * @param maxTime       stop after this long; zero = no limit
 * @param memoryMb      stop (exit 12) when the heap still in use after GC reaches this; 0 = no limit
 * @param stopWhenEmpty stop as soon as a poll finds nothing
 * @param rest          pause after each job (Laravel's {@code --rest}); non-zero also means one job per pop call
 * @param quiet         no per-job lines ({@code --quiet}); otherwise Laravel's Processing/Processed/Failed lines
 */
public record WorkerOptions(String connection, List<String> queues, int concurrency, Duration sleep, Duration blockFor,
                            int tries, String backoff, int timeout, Integer retryAfter, int maxJobs, Duration maxTime,
                            int memoryMb, boolean stopWhenEmpty, Duration rest, boolean quiet) {

    public WorkerOptions {
        queues = List.copyOf(queues);
        if (queues.isEmpty() || queues.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--queue needs one or more queue names, e.g. high,default");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1");
        }
        if (tries < 0 || timeout < 0 || maxJobs < 0 || memoryMb < 0 || sleep.isNegative() || blockFor.isNegative()
                || maxTime.isNegative() || rest.isNegative()) {
            throw new IllegalArgumentException("worker options must not be negative");
        }
        Backoff.validate(backoff);
    }

    public static WorkerOptions from(WorkerConfig config) {
        WorkerConfig.Worker worker = config.worker();
        return new WorkerOptions(worker.connection(), parseQueues(worker.queue()), worker.concurrency(), worker.sleep(),
                worker.blockFor(), worker.tries(), worker.backoff(), worker.timeout(),
                worker.retryAfter() > 0 ? worker.retryAfter() : null, worker.maxJobs(), worker.maxTime(),
                worker.memory(), false, worker.rest(), false);
    }

    /** {@code "high, default"} → [high, default]. */
    public static List<String> parseQueues(String list) {
        return List.of(list.split(",")).stream().map(String::strip).toList();
    }

    /** Defaults for one queue, as {@code echo.worker.*} ships them; tests and tools adjust with {@link #builder()}. */
    public static Builder defaults(String queue) {
        return new WorkerOptions("redis", List.of(queue), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, "0", 60,
                90, 0, Duration.ZERO, 128, false, Duration.ZERO, false).builder();
    }

    public Builder builder() {
        return new Builder(this);
    }

    /** Changes some options of a run, keeping the rest. */
    public static final class Builder {
        private String connection;
        private List<String> queues;
        private int concurrency;
        private Duration sleep;
        private Duration blockFor;
        private int tries;
        private String backoff;
        private int timeout;
        private Integer retryAfter;
        private int maxJobs;
        private Duration maxTime;
        private int memoryMb;
        private boolean stopWhenEmpty;
        private Duration rest;
        private boolean quiet;

        private Builder(WorkerOptions o) {
            connection = o.connection;
            queues = o.queues;
            concurrency = o.concurrency;
            sleep = o.sleep;
            blockFor = o.blockFor;
            tries = o.tries;
            backoff = o.backoff;
            timeout = o.timeout;
            retryAfter = o.retryAfter;
            maxJobs = o.maxJobs;
            maxTime = o.maxTime;
            memoryMb = o.memoryMb;
            stopWhenEmpty = o.stopWhenEmpty;
            rest = o.rest;
            quiet = o.quiet;
        }

        public Builder queues(List<String> value) { queues = value; return this; }
        public Builder concurrency(int value) { concurrency = value; return this; }
        public Builder sleep(Duration value) { sleep = value; return this; }
        public Builder blockFor(Duration value) { blockFor = value; return this; }
        public Builder tries(int value) { tries = value; return this; }
        public Builder backoff(String value) { backoff = value; return this; }
        public Builder timeout(int value) { timeout = value; return this; }
        public Builder retryAfter(Integer value) { retryAfter = value; return this; }
        public Builder maxJobs(int value) { maxJobs = value; return this; }
        public Builder maxTime(Duration value) { maxTime = value; return this; }
        public Builder memoryMb(int value) { memoryMb = value; return this; }
        public Builder stopWhenEmpty(boolean value) { stopWhenEmpty = value; return this; }
        public Builder rest(Duration value) { rest = value; return this; }
        public Builder quiet(boolean value) { quiet = value; return this; }

        public WorkerOptions build() {
            return new WorkerOptions(connection, queues, concurrency, sleep, blockFor, tries, backoff, timeout,
                    retryAfter, maxJobs, maxTime, memoryMb, stopWhenEmpty, rest, quiet);
        }
    }
}
