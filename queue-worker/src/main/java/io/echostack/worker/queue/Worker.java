package io.echostack.worker.queue;

import io.echostack.events.queue.RedisQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The {@code queue:work} daemon: {@code concurrency} consumer threads ({@link ConsumerLoop}) sharing one
 * {@link WorkerState}. {@link #stop} lets the jobs in hand finish, like Laravel's worker on SIGTERM, for at most the
 * job timeout.
 */
public class Worker {
    private static final Logger LOG = Logger.getLogger(Worker.class);
    /** Shutdown grace when jobs have no timeout (a broadcast takes milliseconds). */
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final RedisQueue queue;
    private final JobProcessor processor;
    private final JobMetrics metrics;
    private final QueueWait wait;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private WorkerState state;
    private WorkerOptions options;

    public Worker(RedisQueue queue, JobProcessor processor, JobMetrics metrics, QueueWait wait, Clock clock) {
        this.queue = queue;
        this.processor = processor;
        this.metrics = metrics;
        this.wait = wait;
        this.clock = clock;
    }

    public synchronized void start(WorkerOptions run) {
        if (state != null) {
            throw new IllegalStateException("worker already started");
        }
        options = run;
        state = new WorkerState(run, clock);
        if (run.timeout() > 0 && run.retryAfter() != null && run.timeout() >= run.retryAfter()) {
            LOG.warnf("--timeout (%d s) should be several seconds shorter than retry_after (%d s): a job still running"
                    + " when its reservation expires is run a second time by another worker", run.timeout(),
                    run.retryAfter());
        }
        QueueMaintenance maintenance = new QueueMaintenance(queue, metrics, clock);
        RestartSignal restart = new RestartSignal(queue, clock);
        for (int i = 1; i <= run.concurrency(); i++) {
            Thread thread = new Thread(new ConsumerLoop(queue, processor, maintenance, wait, restart, state, run),
                    "queue-worker-" + i);
            threads.add(thread);
            thread.start();
        }
        LOG.infof("Processing jobs from the %s queue(s) with %d consumer(s).", run.queues(), run.concurrency());
    }

    /** Asks every consumer to end after its job in hand, without waiting (safe from a signal handler). */
    public void requestStop() {
        WorkerState running;
        synchronized (this) {
            running = state;
        }
        if (running != null) {
            running.stop(StopReason.SIGNAL);
        }
    }

    /** Laravel's SIGUSR2 / SIGCONT: while paused the consumers take no job (the jobs in hand finish). */
    public void pause(boolean pause) {
        WorkerState running;
        synchronized (this) {
            running = state;
        }
        if (running != null) {
            running.pause(pause);
        }
    }

    /** Asks every consumer to end after its job in hand and waits for them, at most the job timeout. */
    public void stop() {
        WorkerState running;
        synchronized (this) {
            running = state;
        }
        if (running == null) {
            return;
        }
        running.stop(StopReason.SIGNAL);
        Duration grace = options.timeout() > 0 ? Duration.ofSeconds(options.timeout()) : DEFAULT_GRACE;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (thread.isAlive()) {
                    LOG.warnf("%s still busy after %s; its job returns when the reservation expires", thread.getName(),
                            grace);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until every consumer has ended; returns Laravel's exit status for why. */
    public int awaitTermination() throws InterruptedException {
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
        }
        for (Thread thread : running) {
            thread.join();
        }
        if (state == null) {
            return 0;
        }
        StopReason why = state.reason();
        double seconds = Math.max(state.uptime().toMillis(), 1) / 1000.0;
        LOG.infof("Worker stopped (%s) after %d jobs in %.3f s (%.0f jobs/s).", why, state.jobsRun(), seconds,
                state.jobsRun() / seconds);
        return why == null ? 0 : why.exitCode();
    }
}
