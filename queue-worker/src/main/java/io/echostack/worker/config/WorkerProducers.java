package io.echostack.worker.config;

import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.queue.RedisQueue;
import io.echostack.redis.VertxListWait;
import io.echostack.redis.VertxScriptExecutor;
import io.echostack.worker.failed.FailedJobRetry;
import io.echostack.worker.failed.FailedJobStore;
import io.echostack.worker.failed.JdbcFailedJobStore;
import io.echostack.worker.queue.BroadcastJobHandler;
import io.echostack.worker.queue.JobLines;
import io.echostack.worker.queue.JobMetrics;
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
import javax.sql.DataSource;

/** Wires the plain worker classes to the Quarkus Redis client and datasource. */
public class WorkerProducers {
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
    FailedJobRetry failedJobRetry(FailedJobStore store, RedisQueue queue) {
        return new FailedJobRetry(store, queue);
    }

    @Produces
    @Singleton
    JobMetrics jobMetrics(MeterRegistry registry) {
        return new JobMetrics(registry);
    }

    @Produces
    @Singleton
    JobProcessor jobProcessor(VertxScriptExecutor redis, RedisQueue queue, FailedJobStore failedJobs,
                              JobMetrics metrics, WorkerConfig config) {
        RedisPrefix prefix = prefix(config);
        BroadcastJobHandler handler = new BroadcastJobHandler(
                limit -> new RedisQueue(redis.withTimeout(limit), prefix));
        Clock clock = Clock.systemUTC();
        return new JobProcessor(handler, queue, failedJobs, metrics, clock, config.redis().timeout(),
                JobLines.toStandardOutput(clock));
    }

    @Produces
    @Singleton
    Worker worker(RedisQueue queue, JobProcessor processor, JobMetrics metrics, Redis redis, WorkerConfig config) {
        VertxListWait wait = new VertxListWait(redis, config.redis().timeout());
        return new Worker(queue, processor, metrics, wait::await, Clock.systemUTC());
    }

    /** Early in shutdown (before Redis and the datasource close): let the jobs in hand finish. */
    void stopWorker(@Observes @Priority(1) ShutdownEvent event, Worker worker) {
        worker.stop();
    }

    private static RedisPrefix prefix(WorkerConfig config) {
        return new RedisPrefix(config.redis().prefix());
    }
}
