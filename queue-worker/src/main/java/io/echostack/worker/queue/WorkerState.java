package io.echostack.worker.queue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the consumer threads of one run share: the stop request and its reason, and the limits of Laravel's stop
 * checks ({@code --max-jobs}, {@code --max-time}, {@code --memory}). {@code --max-jobs} is counted with permits taken
 * before a pop, so the process never runs more jobs than asked, whatever its concurrency.
 */
final class WorkerState {
    private static final Duration MEMORY_CHECK_EVERY = Duration.ofSeconds(1);

    private final WorkerOptions options;
    private final Clock clock;
    private final Instant started;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicReference<StopReason> reason = new AtomicReference<>();
    private final AtomicLong jobPermits;
    private final AtomicLong lastMemoryCheck = new AtomicLong();
    private final AtomicLong jobsRun = new AtomicLong();
    private volatile boolean paused;

    WorkerState(WorkerOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.started = clock.instant();
        this.jobPermits = new AtomicLong(options.maxJobs() > 0 ? options.maxJobs() : Long.MAX_VALUE);
    }

    boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    /** The first reason wins; every consumer ends after its job in hand. */
    void stop(StopReason why) {
        reason.compareAndSet(null, why);
        stopRequested.countDown();
    }

    StopReason reason() {
        return reason.get();
    }

    /** Laravel's SIGUSR2 (pause: no job is taken) and SIGCONT (resume). */
    void pause(boolean pause) {
        paused = pause;
    }

    boolean paused() {
        return paused;
    }

    /**
     * Takes the right to run up to {@code wanted} more jobs (a batch reservation); 0 (and stop) once
     * {@code --max-jobs} are taken.
     */
    int takeJobPermits(int wanted) {
        while (true) {
            long left = jobPermits.get();
            if (left <= 0) {
                stop(StopReason.MAX_JOBS);
                return 0;
            }
            int taken = (int) Math.min(wanted, left);
            if (jobPermits.compareAndSet(left, left - taken)) {
                return taken;
            }
        }
    }

    void ranJobs(int count) {
        jobsRun.addAndGet(count);
    }

    long jobsRun() {
        return jobsRun.get();
    }

    Duration uptime() {
        return Duration.between(started, clock.instant());
    }

    /** Permits taken for jobs a pop did not find. */
    void returnJobPermits(int unused) {
        jobPermits.addAndGet(unused);
    }

    /** Laravel's checks after each job or idle round: time, then memory. */
    void checkLimits() {
        if (!options.maxTime().isZero() && !clock.instant().isBefore(started.plus(options.maxTime()))) {
            stop(StopReason.MAX_TIME);
        }
        if (options.memoryMb() > 0 && memoryCheckDue() && liveHeapMb() >= options.memoryMb()) {
            stop(StopReason.MEMORY);
        }
    }

    /** Sleeps, but wakes at once when a stop is requested. */
    void idle(Duration pause) {
        try {
            stopRequested.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(StopReason.SIGNAL);
        }
    }

    private boolean memoryCheckDue() {
        long now = clock.millis();
        long last = lastMemoryCheck.get();
        return now - last >= MEMORY_CHECK_EVERY.toMillis() && lastMemoryCheck.compareAndSet(last, now);
    }

    /** Heap still in use after the last GC (the live set), or current use for pools without that figure. */
    private static long liveHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                bytes += (afterGc != null ? afterGc : pool.getUsage()).getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
