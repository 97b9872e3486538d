package io.echostack.worker.queue;

import java.time.Duration;
import java.util.List;

/** Blocks until a token arrives on one of the lists (BLPOP on the queues' {@code :notify}), at most {@code max}. */
@FunctionalInterface
public interface QueueWait {
    boolean await(List<String> notifyLists, Duration max);
}
