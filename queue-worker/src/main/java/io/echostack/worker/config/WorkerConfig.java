package io.echostack.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Defaults of {@code queue:work}, as Laravel's {@code config/queue.php} (redis connection) and the worker's options;
 * command-line options override them per run.
 */
@ConfigMapping(prefix = "echo")
public interface WorkerConfig {

    Redis redis();

    Worker worker();

    interface Redis {
        /** Laravel's {@code REDIS_PREFIX}: must match the producers and echo-server. */
        @WithDefault("laravel_database_")
        String prefix();

        /** How long one Redis script call may take before it counts as a Redis error. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Worker {
        /** The connection name stored in {@code failed_jobs.connection}. */
        @WithDefault("redis")
        String connection();

        /** {@code --queue}: the queues to work, highest priority first ({@code high,default}). */
        @WithDefault("default")
        String queue();

        /** {@code --concurrency}: consumer threads in this process. */
        @WithDefault("1")
        int concurrency();

        /** Laravel's {@code block_for}: how long an idle consumer waits on {@code :notify} (BLPOP); 0 = sleep. */
        @WithDefault("1s")
        Duration blockFor();

        /** {@code --timeout}: seconds a job may run unless it sets its own; 0 = no limit. */
        @WithDefault("60")
        int timeout();

        /** {@code --max-jobs}: stop after this many jobs; 0 = no limit. */
        @WithDefault("0")
        int maxJobs();

        /** {@code --max-time}: stop after this long; 0 = no limit. */
        @WithDefault("0s")
        Duration maxTime();

        /** {@code --memory}: MB of heap in use after GC at which the worker stops with exit code 12; 0 = no limit. */
        @WithDefault("128")
        int memory();

        /** {@code --sleep}: idle pause when the queue is empty (Laravel: 3 s; shorter = lower broadcast latency). */
        @WithDefault("1s")
        Duration sleep();

        /** {@code --rest}: pause after each job (Laravel 8); 0 = none. */
        @WithDefault("0s")
        Duration rest();

        /** {@code --tries}: attempts for jobs without {@code maxTries}; 0 = unlimited. */
        @WithDefault("1")
        int tries();

        /** {@code --backoff}: seconds before a retry, or a per-attempt list such as {@code 1,5,10}. */
        @WithDefault("0")
        String backoff();

        /** {@code retry_after}: seconds a reservation lasts; 0 = never expires (Laravel's {@code null}). */
        @WithDefault("90")
        int retryAfter();
    }
}
