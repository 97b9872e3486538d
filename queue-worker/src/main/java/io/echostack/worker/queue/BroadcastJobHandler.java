package io.echostack.worker.queue;

import io.echostack.events.MalformedPayloadException;
import io.echostack.events.broadcast.BroadcastPublisher;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.JobEnvelope;

/**
 * Runs a broadcast job, as Laravel's {@code BroadcastEvent::handle} with the Redis broadcaster: one PUBLISH of
 * {@code {"event","data","socket"}} to every channel.
 */
public class BroadcastJobHandler {
    private final BroadcastPublisher publisher;

    public BroadcastJobHandler(BroadcastPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * @throws MalformedPayloadException the job is not one of ours (e.g. a PHP {@code BroadcastEvent}) or is broken:
     *                                   it can never succeed
     * @throws RuntimeException          Redis failed: a later attempt may succeed
     */
    public void handle(JobEnvelope envelope) throws MalformedPayloadException {
        BroadcastJob job = BroadcastJob.fromEnvelope(envelope);
        publisher.publish(job.channels(), job.message());
    }
}
