package io.echostack.worker.failed;

/** Laravel's failed job provider: where jobs that will not be retried are kept for inspection and retry. */
public interface FailedJobStore {

    /**
     * @param connection the queue connection name ({@code redis})
     * @param queue      the queue the job came from
     * @param payload    the job exactly as it was pushed (the original string, not the re-encoded reservation)
     * @param error      why it failed; stored with its stack trace, as Laravel stores {@code (string) $exception}
     */
    void record(String connection, String queue, String payload, Throwable error);
}
