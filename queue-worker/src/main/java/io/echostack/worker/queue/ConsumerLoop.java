package io.echostack.worker.queue;

import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One consumer thread of {@code queue:work}: pop the queues in priority order (the first queue with a job wins), run
 * what was reserved, then Laravel's stop checks. On a deep queue it reserves several jobs per call ({@link BatchSize}). When every queue is empty it blocks on all their {@code :notify} lists at once (BLPOP,
 * at most {@code block_for}) instead of sleeping, so a job pushed to any queue starts at once. Errors (Redis or
 * PostgreSQL down) are logged and retried after {@code --sleep}; they never end the loop.
 */
final class ConsumerLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration PAUSED_SLEEP = Duration.ofSeconds(1);

    private final RedisQueue queue;
    private final JobProcessor processor;
    private final QueueMaintenance maintenance;
    private final QueueWait wait;
    private final WorkerState state;
    private final WorkerOptions options;
    private final List<String> notifyLists;
    private final BatchSize batch;

    private final RestartSignal restart;

    ConsumerLoop(RedisQueue queue, JobProcessor processor, QueueMaintenance maintenance, QueueWait wait,
                 RestartSignal restart, WorkerState state, WorkerOptions options) {
        this.queue = queue;
        this.processor = processor;
        this.maintenance = maintenance;
        this.wait = wait;
        this.restart = restart;
        this.state = state;
        this.options = options;
        this.notifyLists = options.queues().stream().map(name -> queue.keys(name).notifyList()).toList();
        this.batch = new BatchSize(options.rest().isZero() ? BatchSize.MAX : 1);
    }

    @Override
    public void run() {
        while (!state.stopping()) {
            try {
                if (state.paused()) { // Laravel's pauseWorker: sleep (at least 1 s), then the stop checks
                    state.idle(options.sleep().compareTo(PAUSED_SLEEP) > 0 ? options.sleep() : PAUSED_SLEEP);
                } else if (!workOnce()) {
                    if (options.stopWhenEmpty()) {
                        state.stop(StopReason.EMPTY);
                        break;
                    }
                    awaitWork();
                }
                if (restart.requested()) {
                    state.stop(StopReason.RESTART);
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
        int permits = state.takeJobPermits(batch.size());
        if (permits == 0) {
            return true; // --max-jobs reached: the loop ends on its stop check
        }
        int found = 0;
        try {
            for (String name : options.queues()) {
                maintenance.beforePop(name, options.retryAfter());
                List<ReservedJob> jobs = queue.reserve(name, options.retryAfter(), permits);
                if (!jobs.isEmpty()) {
                    found = jobs.size();
                    batch.reserved(found, permits);
                    run(jobs);
                    return true;
                }
            }
            batch.reserved(0, permits);
            return false;
        } finally {
            state.returnJobPermits(permits - found);
        }
    }

    /**
     * Jobs in hand all run, even once a stop is asked (they are reserved). If the processor throws (Redis or
     * PostgreSQL down while releasing or failing a job), the rest stay reserved and run again after retry_after.
     */
    private void run(List<ReservedJob> jobs) {
        processor.process(jobs, options);
        state.ranJobs(jobs.size());
        if (!options.rest().isZero()) {
            state.idle(options.rest()); // Laravel's --rest: a pause after each job (batches are of one job then)
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
