package io.echostack.worker.queue;

import io.echostack.events.MalformedPayloadException;
import io.echostack.events.broadcast.BroadcastPublisher;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.JobEnvelope;
import java.time.Duration;

/**
 * Runs a broadcast job, as Laravel's {@code BroadcastEvent::handle} with the Redis broadcaster: one PUBLISH of
 * {@code {"event","data","socket"}} to every channel, within the job's time limit.
 */
public class BroadcastJobHandler {

    /** A publisher whose Redis calls give up after {@code limit}. */
    @FunctionalInterface
    public interface Publishers {
        BroadcastPublisher within(Duration limit);
    }

    private final Publishers publishers;

    public BroadcastJobHandler(Publishers publishers) {
        this.publishers = publishers;
    }

    /**
     * @param limit how long the job may take
     * @throws MalformedPayloadException the job is not one of ours (e.g. a PHP {@code BroadcastEvent}) or is broken:
     *                                   it can never succeed
     * @throws RuntimeException          Redis failed or was too slow: a later attempt may succeed
     */
    public void handle(JobEnvelope envelope, Duration limit) throws MalformedPayloadException {
        BroadcastJob job = BroadcastJob.fromEnvelope(envelope);
        publishers.within(limit).publish(job.channels(), job.message());
    }
}
