package io.echostack.worker.queue;

import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One consumer thread of {@code queue:work}: pop the queues in priority order (the first job found wins), run it,
 * then Laravel's stop checks. When every queue is empty it blocks on all their {@code :notify} lists at once (BLPOP,
 * at most {@code block_for}) instead of sleeping, so a job pushed to any queue starts at once. Errors (Redis or
 * PostgreSQL down) are logged and retried after {@code --sleep}; they never end the loop.
 */
final class ConsumerLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final RedisQueue queue;
    private final JobProcessor processor;
    private final QueueMaintenance maintenance;
    private final QueueWait wait;
    private final WorkerState state;
    private final WorkerOptions options;
    private final List<String> notifyLists;

    ConsumerLoop(RedisQueue queue, JobProcessor processor, QueueMaintenance maintenance, QueueWait wait,
                 WorkerState state, WorkerOptions options) {
        this.queue = queue;
        this.processor = processor;
        this.maintenance = maintenance;
        this.wait = wait;
        this.state = state;
        this.options = options;
        this.notifyLists = options.queues().stream().map(name -> queue.keys(name).notifyList()).toList();
    }

    @Override
    public void run() {
        while (!state.stopping()) {
            try {
                if (!workOnce()) {
                    if (options.stopWhenEmpty()) {
                        state.stop(StopReason.EMPTY);
                        break;
                    }
                    awaitWork();
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Worker error on %s; retrying after %s", options.queues(), options.sleep());
                state.idle(options.sleep());
            }
            state.checkLimits();
        }
    }

    /** @return false when no queue had a job ready */
    private boolean workOnce() {
        if (!state.takeJobPermit()) {
            return true; // --max-jobs reached: the loop ends on its stop check
        }
        boolean ran = false;
        try {
            for (String name : options.queues()) {
                maintenance.beforePop(name, options.retryAfter());
                Optional<ReservedJob> job = queue.reserve(name, options.retryAfter());
                if (job.isPresent()) {
                    ran = true;
                    processor.process(job.get(), options);
                    state.ranJob();
                    return true;
                }
            }
            return false;
        } finally {
            if (!ran) {
                state.returnJobPermit();
            }
        }
    }

    private void awaitWork() {
        if (options.blockFor().isZero()) {
            state.idle(options.sleep());
        } else {
            wait.await(notifyLists, options.blockFor());
        }
    }
}
