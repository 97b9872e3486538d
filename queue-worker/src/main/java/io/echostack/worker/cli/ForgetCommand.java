package io.echostack.worker.cli;

import io.echostack.worker.failed.FailedJobStore;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queue:forget {id}}: deletes one failed job. */
@Command(name = "queue:forget", mixinStandardHelpOptions = true, description = "Delete a failed queue job.")
public class ForgetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "id", description = "The failed job's uuid (or row id)")
    String id;

    @Spec
    CommandSpec spec;

    @Inject
    FailedJobStore store;

    @Override
    public Integer call() {
        if (store.forget(id)) {
            spec.commandLine().getOut().println("Failed job deleted successfully!");
            spec.commandLine().getOut().flush();
            return 0;
        }
        spec.commandLine().getErr().println("No failed job matches the given ID.");
        spec.commandLine().getErr().flush();
        return 1;
    }
}
