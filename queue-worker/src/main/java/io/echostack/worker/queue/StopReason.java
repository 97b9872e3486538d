package io.echostack.worker.queue;

/** Why {@code queue:work} ended, with Laravel's exit status (memory: 12, everything else: 0). */
public enum StopReason {
    SIGNAL(0), EMPTY(0), MAX_JOBS(0), MAX_TIME(0), RESTART(0), MEMORY(12);

    private final int exitCode;

    StopReason(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
