package io.echostack.worker.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The entry point, named after Laravel's {@code artisan}: {@code java -jar quarkus-run.jar [command]}. Without a
 * command it runs {@code queue:work} with its defaults, as a container's worker process would.
 */
@TopCommand
@Command(name = "artisan", mixinStandardHelpOptions = true, subcommands = {WorkCommand.class, FailedCommand.class,
        RetryCommand.class, ForgetCommand.class, FlushCommand.class, ClearCommand.class, MonitorCommand.class,
        RestartCommand.class},
        description = "Echo Stack queue worker. Without a command, runs queue:work.")
public class ArtisanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine work = spec.commandLine().getSubcommands().get(WorkCommand.NAME);
        return work.execute();
    }
}
