package io.echostack.worker.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what became of each job, per queue, as Prometheus {@code queue_jobs_total{queue, outcome}} on
 * {@code /q/metrics}: {@code processed}, {@code released} (retry later) or {@code failed} (in failed_jobs).
 */
public class JobOutcomes {
    private final MeterRegistry registry;

    public JobOutcomes(MeterRegistry registry) {
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

    private Counter counter(String queue, String outcome) {
        return Counter.builder("queue.jobs")
                .description("Jobs handled by this worker, by outcome")
                .tag("queue", queue)
                .tag("outcome", outcome)
                .register(registry);
    }
}
