package io.echostack.worker.queue;

import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The {@code queue:work} daemon loop on its own thread: reserve a job, process it, or sleep when the queue is empty.
 * {@link #stop} lets the job in hand finish, like Laravel's worker on SIGTERM. Errors (Redis or PostgreSQL down) are
 * logged and retried after the idle sleep; they never end the loop.
 */
public class Worker {
    private static final Logger LOG = Logger.getLogger(Worker.class);

    private final RedisQueue queue;
    private final JobProcessor processor;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private Thread thread;

    public Worker(RedisQueue queue, JobProcessor processor) {
        this.queue = queue;
        this.processor = processor;
    }

    public synchronized void start(WorkerOptions options) {
        if (thread != null) {
            throw new IllegalStateException("worker already started");
        }
        thread = new Thread(() -> loop(options), "queue-worker-" + options.queue());
        thread.start();
        LOG.infof("Processing jobs from the [%s] queue.", options.queue());
    }

    /** Asks the loop to end after the job in hand and waits up to {@code grace} for it. */
    public void stop(Duration grace) {
        stopRequested.countDown();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        try {
            running.join(grace.toMillis());
            if (running.isAlive()) {
                LOG.warnf("Worker still busy after %s; leaving its job to the reservation timeout", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the loop has ended (stopped, or the queue ran empty with {@code stopWhenEmpty}). */
    public void awaitTermination() throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.join();
        }
    }

    private void loop(WorkerOptions options) {
        while (stopRequested.getCount() > 0) {
            try {
                Optional<ReservedJob> next = queue.pop(options.queue(), options.retryAfter());
                if (next.isPresent()) {
                    processor.process(next.get(), options);
                    continue;
                }
                if (options.stopWhenEmpty()) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Worker error on queue %s; retrying after %s", options.queue(), options.sleep());
            }
            idle(options.sleep());
        }
        LOG.infof("Worker on queue %s stopped.", options.queue());
    }

    private void idle(Duration sleep) {
        try {
            stopRequested.await(sleep.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
        }
    }
}
