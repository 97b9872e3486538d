package io.echostack.worker.queue;

import io.echostack.events.MalformedPayloadException;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.JobEnvelope;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedBroadcast;
import java.time.Duration;
import java.util.List;

/**
 * Runs broadcast jobs, as Laravel's {@code BroadcastEvent::handle} with the Redis broadcaster, and finishes them: one
 * script PUBLISHes each job's {@code {"event","data","socket"}} to every channel and then deletes its reservation,
 * within the time limit. One round trip for several jobs, and no crash can fall between a publish and its delete.
 */
public class BroadcastJobHandler {

    /** The queue whose Redis calls give up after {@code limit}. */
    @FunctionalInterface
    public interface Queues {
        RedisQueue within(Duration limit);
    }

    private final Queues queues;

    public BroadcastJobHandler(Queues queues) {
        this.queues = queues;
    }

    /**
     * @throws MalformedPayloadException the job is not one of ours (e.g. a PHP {@code BroadcastEvent}) or is broken:
     *                                   it can never succeed
     */
    static BroadcastJob broadcast(JobEnvelope envelope) throws MalformedPayloadException {
        return BroadcastJob.fromEnvelope(envelope);
    }

    /**
     * @param attempts jobs of one queue
     * @param limit    how long the call may take
     * @throws RuntimeException Redis failed or was too slow: a later attempt may succeed
     */
    void run(List<Attempt> attempts, Duration limit) {
        queues.within(limit).publishAndDelete(
                attempts.stream().map(a -> new ReservedBroadcast(a.job(), a.broadcast())).toList());
    }
}
