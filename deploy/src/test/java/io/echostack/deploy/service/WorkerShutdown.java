package io.echostack.deploy.service;

import io.echostack.deploy.RepoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long queue-worker lets the job in hand finish after SIGTERM: the job timeout ({@code echo.worker.timeout}) when
 * the worker has one and it is positive, else the fixed grace in its sources ({@code …_GRACE = Duration.ofSeconds(n)}).
 */
public final class WorkerShutdown {
    private static final String SOURCES = "queue-worker/src/main/java";
    private static final Pattern GRACE = Pattern.compile("_GRACE\\s*=\\s*Duration\\.ofSeconds\\((\\d+)\\)");

    private WorkerShutdown() {
    }

    /** The grace for a worker started with {@code env}. */
    public static int graceSeconds(Map<String, String> env) {
        String timeout = env.getOrDefault("ECHO_WORKER_TIMEOUT",
                QuarkusServiceReader.property("queue-worker", "echo.worker.timeout"));
        if (timeout != null && Integer.parseInt(timeout.strip()) > 0) {
            return Integer.parseInt(timeout.strip());
        }
        return fixedGrace();
    }

    private static int fixedGrace() {
        try (Stream<Path> files = Files.walk(RepoFiles.path(SOURCES))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher grace = GRACE.matcher(Files.readString(file));
                if (grace.find()) {
                    return Integer.parseInt(grace.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no …_GRACE = Duration.ofSeconds(n) in " + SOURCES
                + "; update deploy/ to read the worker's shutdown grace");
    }
}
