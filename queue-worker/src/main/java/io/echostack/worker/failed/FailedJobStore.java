package io.echostack.worker.failed;

import java.util.List;
import java.util.Optional;

/**
 * Laravel's failed job provider ({@code database-uuids}): where jobs that will not be retried are kept for
 * inspection, retry and deletion. Ids are the jobs' uuids; the numeric row id is accepted too.
 */
public interface FailedJobStore {

    /**
     * @param connection the queue connection name ({@code redis})
     * @param queue      the queue the job came from
     * @param payload    the job exactly as it was pushed (the original string, not the re-encoded reservation)
     * @param error      why it failed; stored with its stack trace, as Laravel stores {@code (string) $exception}
     */
    void record(String connection, String queue, String payload, Throwable error);

    /** Every failed job, oldest first. */
    List<FailedJob> all();

    Optional<FailedJob> find(String id);

    /** @return false when no row had that id */
    boolean forget(String id);

    /** Deletes every row, or those that failed more than {@code hours} ago; returns how many. */
    int flush(Integer hours);
}
