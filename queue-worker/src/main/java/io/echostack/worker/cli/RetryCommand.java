package io.echostack.worker.cli;

import io.echostack.worker.failed.FailedJob;
import io.echostack.worker.failed.FailedJobRetry;
import io.echostack.worker.failed.FailedJobStore;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queue:retry {id…|all} [--queue=]}: pushes failed jobs back onto their own queue, attempts reset. */
@Command(name = "queue:retry", mixinStandardHelpOptions = true, description = "Retry a failed queue job.")
public class RetryCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "id", description = "Failed job uuids (or row ids), or 'all'")
    List<String> ids = List.of();

    @Option(names = "--queue", description = "Retry every failed job of this queue")
    String queue;

    @Spec
    CommandSpec spec;

    @Inject
    FailedJobStore store;

    @Inject
    FailedJobRetry retry;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> targets = targets();
        if (targets.isEmpty()) {
            out.println("No retryable jobs found.");
        }
        int problems = 0;
        for (String id : targets) {
            Optional<FailedJob> job = store.find(id);
            if (job.isEmpty()) {
                err.println("Unable to find failed job with ID [" + id + "].");
                problems++;
                continue;
            }
            try {
                retry.retry(job.get());
                out.println("The failed job [" + id + "] has been pushed back onto the queue!");
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                problems++;
            }
        }
        out.flush();
        err.flush();
        return problems == 0 ? 0 : 1;
    }

    private List<String> targets() {
        if (queue != null) {
            return store.all().stream().filter(job -> job.queue().equals(queue)).map(FailedJob::uuid).toList();
        }
        if (ids.contains("all")) {
            return store.all().stream().map(FailedJob::uuid).toList();
        }
        return ids;
    }
}
