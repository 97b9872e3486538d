package io.echostack.worker.queue;

/** Laravel's exception for a job reserved again after its last allowed attempt (its worker died or timed out). */
public class MaxAttemptsExceededException extends Exception {
    public MaxAttemptsExceededException(String displayName) {
        super(displayName + " has been attempted too many times.");
    }
}
