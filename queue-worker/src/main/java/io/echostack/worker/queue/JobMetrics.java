package io.echostack.worker.queue;

import io.echostack.events.queue.QueueStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker's Prometheus metrics on {@code /q/metrics}, per queue: {@code queue_jobs_total{queue, outcome}}
 * (processed, released, failed, timed_out), {@code queue_job_runtime_seconds} and {@code queue_job_wait_seconds}
 * (now − createdAt when the job starts) histograms, and {@code queue_depth{queue, state}} gauges (pending, delayed,
 * reserved, refreshed about once a second while the worker polls).
 */
public class JobMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
    /** Meters by queue and name, so the per-job path skips Micrometer's id building and registry lookup. */
    private final Map<String, Object> meters = new ConcurrentHashMap<>();

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void processed(String queue) {
        counter(queue, "processed").increment();
    }

    void released(String queue) {
        counter(queue, "released").increment();
    }

    void failed(String queue) {
        counter(queue, "failed").increment();
    }

    /** Ran past its timeout and was left reserved, to come back after retry_after as Laravel's would. */
    void timedOut(String queue) {
        counter(queue, "timed_out").increment();
    }

    void runtime(String queue, Duration runtime) {
        ((Timer) meters.computeIfAbsent(queue + "\0runtime", key -> Timer.builder("queue.job.runtime")
                .description("Time to run one job").tag("queue", queue).publishPercentileHistogram()
                .register(registry))).record(runtime);
    }

    void waited(String queue, long seconds) {
        ((DistributionSummary) meters.computeIfAbsent(queue + "\0wait", key -> DistributionSummary
                .builder("queue.job.wait").description("Seconds from a job's creation to its start")
                .baseUnit("seconds").tag("queue", queue).publishPercentileHistogram().register(registry)))
                .record(seconds);
    }

    void depth(String queue, QueueStats stats) {
        gauge(queue, "pending").set(stats.pending());
        gauge(queue, "delayed").set(stats.delayed());
        gauge(queue, "reserved").set(stats.reserved());
    }

    private AtomicLong gauge(String queue, String state) {
        return depths.computeIfAbsent(queue + '\0' + state, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("queue.depth", value, AtomicLong::doubleValue).description("Jobs in the queue, by state")
                    .tag("queue", queue).tag("state", state).register(registry);
            return value;
        });
    }

    private Counter counter(String queue, String outcome) {
        return (Counter) meters.computeIfAbsent(queue + "\0" + outcome, key -> Counter.builder("queue.jobs")
                .description("Jobs handled by this worker, by outcome")
                .tag("queue", queue)
                .tag("outcome", outcome)
                .register(registry));
    }
}
