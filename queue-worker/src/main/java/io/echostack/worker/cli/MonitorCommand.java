package io.echostack.worker.cli;

import io.echostack.events.queue.QueueStats;
import io.echostack.events.queue.RedisQueue;
import io.echostack.worker.config.WorkerConfig;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code queue:monitor [queues] [--max=1000]}: pending, delayed and reserved jobs and the oldest pending job's age per
 * queue; a queue holding {@code --max} jobs or more is marked ALERT (Laravel fires {@code QueueBusy} there).
 */
@Command(name = "queue:monitor", mixinStandardHelpOptions = true, description = "Monitor the size of the queues.")
public class MonitorCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "queues", description = "e.g. default,high or redis:default,redis:high")
    String queues;

    @Option(names = "--max", defaultValue = "1000", description = "Jobs at which a queue is marked ALERT")
    long max;

    @Spec
    CommandSpec spec;

    @Inject
    RedisQueue redisQueue;

    @Inject
    WorkerConfig config;

    @Override
    public Integer call() {
        List<String> names;
        try {
            names = QueueNames.parse(queues != null ? queues : config.worker().queue(), config.worker().connection());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long now = Clock.systemUTC().instant().getEpochSecond();
        TextTable table = new TextTable("Queue", "Pending", "Delayed", "Reserved", "Oldest pending", "Status");
        for (String name : names) {
            QueueStats stats = redisQueue.stats(name);
            long size = stats.pending() + stats.delayed() + stats.reserved();
            table.row("[" + config.worker().connection() + "] " + name, stats.pending(), stats.delayed(),
                    stats.reserved(), stats.oldestAgeSeconds(now).map(age -> age + " s").orElse("-"),
                    size >= max ? "ALERT" : "OK");
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }
}
