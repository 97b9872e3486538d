package io.echostack.worker.queue;

/**
 * Laravel's retry delay: the job's {@code backoff} list, else the worker's {@code --backoff}; entry
 * {@code attempts - 1}, or the last one when the list is shorter.
 */
final class Backoff {
    private Backoff() {
    }

    /** @param attempts attempts made so far, counting the one that just failed (1 after the first run) */
    static long seconds(String jobBackoff, String workerBackoff, int attempts) {
        String list = jobBackoff != null && !jobBackoff.isBlank() ? jobBackoff : workerBackoff;
        if (list == null || list.isBlank()) {
            return 0;
        }
        String[] entries = list.split(",");
        String entry = entries[Math.min(Math.max(attempts - 1, 0), entries.length - 1)].strip();
        try {
            return Math.max(0, Long.parseLong(entry));
        } catch (NumberFormatException e) {
            return 0; // PHP casts a non-numeric entry in a job's payload to 0
        }
    }

    /** The worker's own {@code --backoff} must be whole seconds: a typo there is refused, not read as 0. */
    static void validate(String workerBackoff) {
        if (workerBackoff == null || !workerBackoff.strip().matches("\\d+(\\s*,\\s*\\d+)*")) {
            throw new IllegalArgumentException("--backoff must be seconds or a list such as 1,5,10, not '"
                    + workerBackoff + "'");
        }
    }
}
