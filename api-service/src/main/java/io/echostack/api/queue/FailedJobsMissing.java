package io.echostack.api.queue;

/** failed_jobs is queue-worker's table; until the worker has run once, the queue admin cannot read it. */
public class FailedJobsMissing extends RuntimeException {
    public FailedJobsMissing(Throwable cause) {
        super("The failed_jobs table does not exist yet: queue-worker creates it when it first starts.", cause);
    }
}
