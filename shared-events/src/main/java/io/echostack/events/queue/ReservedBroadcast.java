package io.echostack.events.queue;

/**
 * A reserved job and the broadcast it carries, ready for {@link RedisQueue#publishAndDelete(java.util.List)}.
 *
 * @param reserved as the pop script handed it over
 * @param job      {@link BroadcastJob#fromEnvelope} of its envelope
 */
public record ReservedBroadcast(ReservedJob reserved, BroadcastJob job) {
}
