package io.echostack.worker.queue;

import io.echostack.events.queue.JobEnvelope;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The lines Laravel's {@code queue:work} prints per job unless {@code --quiet}, byte for byte:
 * {@code [2026-11-27 06:48:46][<payload id>] Processing: <name>}, then {@code Processed:} or {@code Failed:} (the
 * status padded to 11 characters), the name being {@code displayName}, else the payload's {@code job}. Operators and
 * log scrapers grep them. Each call writes its lines in one piece, so consumers' lines never interleave mid-line.
 */
public final class JobLines {
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Supplier<PrintStream> out;
    private final Clock clock;

    public JobLines(Supplier<PrintStream> out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** To the process's standard output as it is when each line is written (Laravel writes there too). */
    public static JobLines toStandardOutput(Clock clock) {
        return new JobLines(() -> System.out, clock);
    }

    /** @param jobs an entry is null where a payload could not be read at all */
    void processing(List<JobEnvelope> jobs) {
        write("Processing:", jobs);
    }

    void processed(List<JobEnvelope> jobs) {
        write("Processed:", jobs);
    }

    /** @param job null when the payload could not be read at all */
    void failed(JobEnvelope job) {
        write("Failed:", Collections.singletonList(job));
    }

    private void write(String status, List<JobEnvelope> jobs) {
        String now = NOW.format(clock.instant());
        String padded = status + " ".repeat(Math.max(0, 11 - status.length()));
        StringBuilder text = new StringBuilder(jobs.size() * 96);
        for (JobEnvelope job : jobs) {
            text.append('[').append(now).append("][").append(job == null || job.id == null ? "" : job.id).append("] ")
                    .append(padded).append(' ').append(name(job)).append(System.lineSeparator());
        }
        PrintStream stream = out.get();
        stream.print(text);
        stream.flush();
    }

    /** Laravel's {@code JobName::resolve}: {@code displayName} when not empty, else {@code job}. */
    private static String name(JobEnvelope job) {
        if (job == null) {
            return "(unreadable payload)";
        }
        if (job.displayName != null && !job.displayName.isEmpty()) {
            return job.displayName;
        }
        return job.job == null ? "" : job.job;
    }
}
