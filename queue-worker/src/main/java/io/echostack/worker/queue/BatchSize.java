package io.echostack.worker.queue;

/**
 * How many jobs one consumer reserves per pop call: 1 at first, doubled each time a call filled its batch (the queue
 * is deep), back to 1 when a call came back short. A shallow queue is thus spread one job at a time over the
 * consumers, while a backlog is drained with a few calls for many jobs. Capped so that jobs held in hand stay few:
 * each waits for those before it in its batch, and a crash hands them all back only after retry_after. 64 rather than
 * 32: Redis spends ~7% less CPU per job (its per-call cost, see the README's benchmark), while 128 saved only ~2% more.
 */
final class BatchSize {
    static final int MAX = 64;

    private final int max;
    private int size = 1;

    /** @param max the largest batch: {@link #MAX}, or 1 when every job must be followed by a rest */
    BatchSize(int max) {
        this.max = max;
    }

    int size() {
        return size;
    }

    /** @param found jobs the call reserved, of {@code asked} */
    void reserved(int found, int asked) {
        size = found >= asked ? Math.min(max, size * 2) : 1;
    }
}
