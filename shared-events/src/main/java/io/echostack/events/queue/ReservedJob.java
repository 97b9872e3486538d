package io.echostack.events.queue;

import io.echostack.events.MalformedPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A job the pop script reserved. Like Laravel's RedisJob it keeps both payloads, as the bytes Redis returned: the
 * reserved copy goes back to Redis unchanged (ZREM/release), so it is never decoded to text and re-encoded.
 * {@link #raw} is the payload as it sat in the list (attempts before this pop): what {@code failed_jobs.payload}
 * stores; {@link #reserved} is the cjson re-encoded copy with attempts + 1: the exact ZSET member to delete or release.
 */
public final class ReservedJob {
    private final String queue;
    private final byte[] raw;
    private final byte[] reserved;

    /** @param queue the queue it was popped from */
    public ReservedJob(String queue, byte[] raw, byte[] reserved) {
        this.queue = queue;
        this.raw = raw;
        this.reserved = reserved;
    }

    public String queue() {
        return queue;
    }

    public String raw() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    public String reserved() {
        return new String(reserved, StandardCharsets.UTF_8);
    }

    /** The reserved member exactly as Redis returned it (not a copy: do not modify). */
    public byte[] reservedBytes() {
        return reserved;
    }

    /** Parses the reserved copy, whose {@code attempts} counts this attempt (1 on the first run). */
    public JobEnvelope envelope() throws MalformedPayloadException {
        return JobEnvelope.parse(reserved);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReservedJob job && queue.equals(job.queue) && Arrays.equals(raw, job.raw)
                && Arrays.equals(reserved, job.reserved);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * queue.hashCode() + Arrays.hashCode(raw)) + Arrays.hashCode(reserved);
    }

    @Override
    public String toString() {
        return "ReservedJob[queue=" + queue + ", reserved=" + reserved() + "]";
    }
}
