package io.echostack.worker.cli;

import io.echostack.worker.config.WorkerConfig;
import io.echostack.worker.queue.Worker;
import io.echostack.worker.queue.WorkerOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code queue:work}: Laravel's worker options; anything not given comes from {@code echo.worker.*} config. Laravel's
 * whole command line is accepted, so a supervisor's {@code queue:work redis --tries=3 --force} runs unchanged.
 */
@Command(name = WorkCommand.NAME, mixinStandardHelpOptions = true,
        description = "Start processing jobs on the queue as a daemon.")
public class WorkCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(WorkCommand.class);
    static final String NAME = "queue:work";

    @Parameters(arity = "0..1", paramLabel = "connection",
            description = "The queue connection (Laravel's argument): only this worker's, e.g. redis")
    String connection;

    @Option(names = "--queue", description = "The queues to work, highest priority first, e.g. high,default")
    String queue;

    @Option(names = "--delay", description = "Deprecated alias of --backoff (Laravel)")
    String delay;

    @Option(names = {"-q", "--quiet"}, description = "Do not print Laravel's Processing/Processed/Failed line per job")
    boolean quiet;

    @Option(names = "--name", description = "The worker's name (Laravel's; accepted, unused)")
    String name;

    @Option(names = "--force", description = "Run even in maintenance mode (Laravel's; there is none here: accepted)")
    boolean force;

    @Option(names = "--daemon", description = "Deprecated (Laravel's; accepted)")
    boolean daemon;

    @Option(names = "--concurrency", description = "Consumer threads in this process")
    Integer concurrency;

    @Option(names = "--sleep", description = "Seconds to sleep when no job is available and block_for is 0, "
            + "and after an error (fractions allowed)")
    Double sleepSeconds;

    @Option(names = "--tries", description = "Attempts for jobs that do not set maxTries; 0 = unlimited")
    Integer tries;

    @Option(names = "--backoff", description = "Seconds before retrying a failed job, e.g. 3 or 1,5,10")
    String backoff;

    @Option(names = "--timeout", description = "Seconds a job may run unless it sets its own timeout; 0 = no limit")
    Integer timeout;

    @Option(names = "--max-jobs", description = "Stop after this many jobs; 0 = no limit")
    Integer maxJobs;

    @Option(names = "--max-time", description = "Stop after this many seconds; 0 = no limit")
    Integer maxTime;

    @Option(names = "--memory", description = "Stop (exit 12) when the heap in use after GC reaches this many MB")
    Integer memory;

    @Option(names = "--stop-when-empty", description = "Stop when the queue is empty")
    boolean stopWhenEmpty;

    @Option(names = "--once", description = "Only process the next job on the queue")
    boolean once;

    @Option(names = "--rest", description = "Seconds to rest after each job (fractions allowed)")
    Double restSeconds;

    @Spec
    CommandSpec spec;

    @Inject
    Worker worker;

    @Inject
    WorkerConfig config;

    @Override
    public Integer call() throws InterruptedException {
        WorkerOptions options = options();
        if (StopSignals.received()) {
            LOG.info("Stop signal received during start-up: no job taken.");
            return 0;
        }
        worker.start(options);
        StopSignals.onStop(worker::requestStop);
        StopSignals.onPause(worker::pause);
        return worker.awaitTermination();
    }

    WorkerOptions options() {
        try {
            QueueNames.checkConnection(connection, config.worker().connection());
            WorkerOptions.Builder options = WorkerOptions.from(config).builder().stopWhenEmpty(stopWhenEmpty)
                    .quiet(quiet);
            if (queue != null) {
                options.queues(WorkerOptions.parseQueues(queue));
            }
            if (concurrency != null) {
                options.concurrency(concurrency);
            }
            if (sleepSeconds != null) {
                options.sleep(Duration.ofMillis(Math.round(sleepSeconds * 1000)));
            }
            if (tries != null) {
                options.tries(tries);
            }
            if (backoff != null || delay != null) {
                options.backoff(backoff != null ? backoff : delay);
            }
            if (timeout != null) {
                options.timeout(timeout);
            }
            if (maxJobs != null) {
                options.maxJobs(maxJobs);
            }
            if (maxTime != null) {
                options.maxTime(Duration.ofSeconds(maxTime));
            }
            if (memory != null) {
                options.memoryMb(memory);
            }
            if (restSeconds != null) {
                options.rest(Duration.ofMillis(Math.round(restSeconds * 1000)));
            }
            if (once) { // Laravel's runNextJob: at most one job, then stop
                options.concurrency(1).maxJobs(1).stopWhenEmpty(true);
            }
            return options.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
