package io.echostack.worker.cli;

import io.echostack.events.queue.RedisQueue;
import io.echostack.worker.config.WorkerConfig;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queue:clear [connection] [--queue=]}: deletes every ready, delayed and reserved job of a queue. */
@Command(name = "queue:clear", mixinStandardHelpOptions = true, description = "Delete all of the jobs from the queue.")
public class ClearCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "connection", description = "The connection (default: the worker's)")
    String connection;

    @Option(names = "--queue", description = "The queue to clear (default: echo.worker.queue's first)")
    String queue;

    /** Laravel asks for confirmation in production unless {@code --force}; scripts pass it, so it is accepted. */
    @Option(names = "--force", description = "Accepted for Laravel compatibility (no confirmation is asked)")
    boolean force;

    @Spec
    CommandSpec spec;

    @Inject
    RedisQueue redisQueue;

    @Inject
    WorkerConfig config;

    @Override
    public Integer call() {
        String name;
        try {
            QueueNames.checkConnection(connection, config.worker().connection());
            name = queue != null ? QueueNames.parse(queue, config.worker().connection()).get(0)
                    : QueueNames.parse(config.worker().queue(), config.worker().connection()).get(0);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long count = redisQueue.clear(name);
        spec.commandLine().getOut().println("Cleared " + count + " jobs from the [" + name + "] queue");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
