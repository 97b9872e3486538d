package io.echostack.worker.queue;

/**
 * Laravel's exception for a job reserved again after its last allowed attempt (its worker died or timed out), with
 * Laravel 8's message word for word: tools that read {@code failed_jobs.exception} match on it.
 */
public class MaxAttemptsExceededException extends Exception {
    public MaxAttemptsExceededException(String displayName) {
        super(displayName + " has been attempted too many times or run too long. The job may have previously timed"
                + " out.");
    }
}
