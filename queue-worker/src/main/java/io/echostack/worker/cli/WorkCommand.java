package io.echostack.worker.cli;

import io.echostack.worker.config.WorkerConfig;
import io.echostack.worker.queue.Worker;
import io.echostack.worker.queue.WorkerOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queue:work}: Laravel's worker options; anything not given comes from {@code echo.worker.*} config. */
@Command(name = WorkCommand.NAME, mixinStandardHelpOptions = true,
        description = "Start processing jobs on the queue as a daemon.")
public class WorkCommand implements Callable<Integer> {
    static final String NAME = "queue:work";

    @Option(names = "--queue", description = "The queue to work (default: echo.worker.queue)")
    String queue;

    @Option(names = "--sleep", description = "Seconds to sleep when no job is available (fractions allowed)")
    Double sleepSeconds;

    @Option(names = "--tries", description = "Attempts for jobs that do not set maxTries; 0 = unlimited")
    Integer tries;

    @Option(names = "--backoff", description = "Seconds before retrying a failed job, e.g. 3 or 1,5,10")
    String backoff;

    @Option(names = "--stop-when-empty", description = "Stop when the queue is empty")
    boolean stopWhenEmpty;

    @Inject
    Worker worker;

    @Inject
    WorkerConfig config;

    @Override
    public Integer call() throws InterruptedException {
        worker.start(options());
        worker.awaitTermination();
        return 0;
    }

    WorkerOptions options() {
        WorkerOptions options = WorkerOptions.from(config).withStopWhenEmpty(stopWhenEmpty);
        if (queue != null) {
            options = options.withQueue(queue);
        }
        if (sleepSeconds != null) {
            options = options.withSleep(Duration.ofMillis(Math.round(sleepSeconds * 1000)));
        }
        if (tries != null) {
            options = options.withTries(tries);
        }
        if (backoff != null) {
            options = options.withBackoff(backoff);
        }
        return options;
    }
}
