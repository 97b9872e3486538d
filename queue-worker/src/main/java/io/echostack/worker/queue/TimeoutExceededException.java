package io.echostack.worker.queue;

/** Laravel's exception for a job that ran past its timeout. */
public class TimeoutExceededException extends Exception {
    public TimeoutExceededException(String displayName, Throwable cause) {
        super(displayName + " has timed out.", cause);
    }
}
