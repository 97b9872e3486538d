package io.echostack.worker.cli;

import io.echostack.worker.failed.FailedJobStore;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code queue:flush [--hours=N]}: deletes all failed jobs, or those that failed more than N hours ago. */
@Command(name = "queue:flush", mixinStandardHelpOptions = true, description = "Flush all of the failed queue jobs.")
public class FlushCommand implements Callable<Integer> {

    @Option(names = "--hours", description = "Only delete jobs that failed more than this many hours ago")
    Integer hours;

    @Spec
    CommandSpec spec;

    @Inject
    FailedJobStore store;

    @Override
    public Integer call() {
        if (hours != null && hours < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--hours must not be negative");
        }
        int deleted = store.flush(hours);
        spec.commandLine().getOut().println(hours == null
                ? "All failed jobs deleted successfully!" // Laravel 8's line, exactly
                : "All jobs that failed more than " + hours + " hours ago have been deleted successfully! ("
                        + deleted + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
