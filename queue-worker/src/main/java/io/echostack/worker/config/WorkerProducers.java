package io.echostack.worker.config;

import io.echostack.events.broadcast.BroadcastPublisher;
import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.queue.RedisQueue;
import io.echostack.redis.VertxScriptExecutor;
import io.echostack.worker.failed.FailedJobStore;
import io.echostack.worker.failed.JdbcFailedJobStore;
import io.echostack.worker.queue.BroadcastJobHandler;
import io.echostack.worker.queue.JobOutcomes;
import io.echostack.worker.queue.JobProcessor;
import io.echostack.worker.queue.Worker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/** Wires the plain worker classes to the Quarkus Redis client and datasource. */
public class WorkerProducers {
    /** How long shutdown waits for the job in hand (a broadcast takes milliseconds). */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Produces
    @Singleton
    VertxScriptExecutor scriptExecutor(Redis redis, WorkerConfig config) {
        return new VertxScriptExecutor(redis, config.redis().timeout());
    }

    @Produces
    @Singleton
    RedisQueue redisQueue(VertxScriptExecutor redis, WorkerConfig config) {
        return new RedisQueue(redis, prefix(config));
    }

    @Produces
    @Singleton
    FailedJobStore failedJobStore(DataSource dataSource) {
        return new JdbcFailedJobStore(dataSource);
    }

    @Produces
    @Singleton
    JobProcessor jobProcessor(VertxScriptExecutor redis, RedisQueue queue, FailedJobStore failedJobs,
                              MeterRegistry metrics, WorkerConfig config) {
        BroadcastJobHandler handler = new BroadcastJobHandler(new BroadcastPublisher(redis, prefix(config)));
        return new JobProcessor(handler, queue, failedJobs, new JobOutcomes(metrics), Clock.systemUTC());
    }

    @Produces
    @Singleton
    Worker worker(RedisQueue queue, JobProcessor processor) {
        return new Worker(queue, processor);
    }

    /** Early in shutdown (before Redis and the datasource close): let the job in hand finish. */
    void stopWorker(@Observes @Priority(1) ShutdownEvent event, Worker worker) {
        worker.stop(SHUTDOWN_GRACE);
    }

    private static RedisPrefix prefix(WorkerConfig config) {
        return new RedisPrefix(config.redis().prefix());
    }
}
