package io.echostack.events.queue;

import io.echostack.events.MalformedPayloadException;

/**
 * A job the pop script reserved. Like Laravel's RedisJob it keeps both strings:
 *
 * @param queue    the queue it was popped from
 * @param raw      the payload as it sat in the list (attempts before this pop): what {@code failed_jobs.payload} stores
 * @param reserved the cjson re-encoded copy with attempts + 1: the exact ZSET member to delete or release
 */
public record ReservedJob(String queue, String raw, String reserved) {

    /** Parses the reserved copy, whose {@code attempts} counts this attempt (1 on the first run). */
    public JobEnvelope envelope() throws MalformedPayloadException {
        return JobEnvelope.parse(reserved);
    }
}
