package io.echostack.worker.cli;

import io.echostack.worker.failed.FailedJob;
import io.echostack.worker.failed.FailedJobStore;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code queue:failed}: lists failed jobs as Laravel 8's artisan does, newest first (ID, connection, queue, class,
 * failed at), plus the exception's first line.
 */
@Command(name = "queue:failed", mixinStandardHelpOptions = true, description = "List all of the failed queue jobs.")
public class FailedCommand implements Callable<Integer> {
    private static final DateTimeFormatter FAILED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Inject
    FailedJobStore store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<FailedJob> jobs = store.all();
        if (jobs.isEmpty()) {
            out.println("No failed jobs!");
            out.flush();
            return 0;
        }
        TextTable table = new TextTable("ID", "Connection", "Queue", "Class", "Failed At", "Exception");
        for (int i = jobs.size() - 1; i >= 0; i--) { // Laravel lists newest first
            FailedJob job = jobs.get(i);
            table.row(job.uuid(), job.connection(), job.queue(), job.displayName(), FAILED_AT.format(job.failedAt()),
                    abbreviate(job.reason(), 100));
        }
        table.print(out);
        return 0;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
