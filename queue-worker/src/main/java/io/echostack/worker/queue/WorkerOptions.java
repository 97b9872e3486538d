package io.echostack.worker.queue;

import io.echostack.worker.config.WorkerConfig;
import java.time.Duration;

/**
 * One run of {@code queue:work}.
 *
 * @param connection    the name recorded in {@code failed_jobs.connection}
 * @param queue         the queue to pop
 * @param sleep         idle pause when nothing was ready
 * @param tries         attempts for jobs without {@code maxTries}; 0 = unlimited
 * @param backoff       seconds before a retry ({@code "3"} or {@code "1,5,10"})
 * @param retryAfter    seconds a reservation lasts, or null for "never expire"
 * @param stopWhenEmpty stop as soon as a poll finds nothing
 */
public record WorkerOptions(String connection, String queue, Duration sleep, int tries, String backoff,
                            Integer retryAfter, boolean stopWhenEmpty) {

    public static WorkerOptions from(WorkerConfig config) {
        WorkerConfig.Worker worker = config.worker();
        return new WorkerOptions(worker.connection(), worker.queue(), worker.sleep(), worker.tries(), worker.backoff(),
                worker.retryAfter() > 0 ? worker.retryAfter() : null, false);
    }

    public WorkerOptions withQueue(String value) {
        return new WorkerOptions(connection, value, sleep, tries, backoff, retryAfter, stopWhenEmpty);
    }

    public WorkerOptions withSleep(Duration value) {
        return new WorkerOptions(connection, queue, value, tries, backoff, retryAfter, stopWhenEmpty);
    }

    public WorkerOptions withTries(int value) {
        return new WorkerOptions(connection, queue, sleep, value, backoff, retryAfter, stopWhenEmpty);
    }

    public WorkerOptions withBackoff(String value) {
        return new WorkerOptions(connection, queue, sleep, tries, value, retryAfter, stopWhenEmpty);
    }

    public WorkerOptions withStopWhenEmpty(boolean value) {
        return new WorkerOptions(connection, queue, sleep, tries, backoff, retryAfter, value);
    }
}
