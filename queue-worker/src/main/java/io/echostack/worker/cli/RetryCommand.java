package io.echostack.worker.cli;

import io.echostack.worker.failed.FailedJob;
import io.echostack.worker.failed.FailedJobRetry;
import io.echostack.worker.failed.FailedJobStore;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queue:retry {id…|all} [--queue=]}: pushes failed jobs back onto their own queue, attempts reset. */
@Command(name = "queue:retry", mixinStandardHelpOptions = true, description = "Retry a failed queue job.")
public class RetryCommand implements Callable<Integer> {
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})");

    @Parameters(arity = "0..*", paramLabel = "id", description = "Failed job uuids (or row ids), or 'all'")
    List<String> ids = List.of();

    @Option(names = "--queue", description = "Retry every failed job of this queue")
    String queue;

    @Option(names = "--range", description = "Row ids to retry, e.g. 1-5 (Laravel's option; repeatable)")
    List<String> ranges = List.of();

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
        if (targets.isEmpty() && queue != null) {
            err.println("Unable to find failed jobs for queue [" + queue + "]."); // Laravel 8's line
        } else if (targets.isEmpty()) {
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
        List<String> targets = new ArrayList<>(ids);
        for (String range : ranges) { // Laravel ignores what is not "first-last"
            Matcher bounds = RANGE.matcher(range);
            if (bounds.matches()) {
                long first = Long.parseLong(bounds.group(1));
                long last = Long.parseLong(bounds.group(2));
                store.all().stream().filter(job -> job.id() >= first && job.id() <= last)
                        .forEach(job -> targets.add(job.uuid()));
            }
        }
        return targets.stream().distinct().toList();
    }
}
