package io.echostack.worker.queue;

import io.echostack.events.queue.ReservedJob;

/**
 * A job the worker has reserved.
 *
 * @param job        both strings of the job (the original, and the reserved member to delete or release)
 * @param unreadable why the payload could not even be reserved as a job (not JSON, no attempts), or null
 */
public record Reservation(ReservedJob job, String unreadable) {

    public boolean readable() {
        return unreadable == null;
    }
}
