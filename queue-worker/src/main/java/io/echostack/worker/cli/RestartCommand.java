package io.echostack.worker.cli;

import io.echostack.events.queue.RedisQueue;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code queue:restart}: every running worker stops after its current job (its supervisor starts it again). */
@Command(name = "queue:restart", mixinStandardHelpOptions = true,
        description = "Restart queue worker daemons after their current job.")
public class RestartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    RedisQueue queue;

    @Override
    public Integer call() {
        queue.signalRestart();
        spec.commandLine().getOut().println("Broadcasting queue restart signal.");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
