package io.echostack.worker.crash;

import io.echostack.testsupport.TestPostgres;
import io.echostack.testsupport.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged worker ({@code target/quarkus-app/quarkus-run.jar}) as an operating system process. */
final class WorkerProcess {
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static WorkerProcess start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        return new WorkerProcess(builder.start(), log);
    }

    /** The environment that points the worker at the tests' Redis and PostgreSQL, plus {@code more}. */
    static Map<String, String> onTestServers(Map<String, String> more) {
        TestPostgres postgres = TestPostgres.get();
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_REDIS_HOSTS", TestRedis.get().url(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password()));
        env.putAll(more);
        return env;
    }

    /** Waits until the worker logs that it is taking jobs. */
    boolean awaitWorking(Duration max) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.readString(log).contains("Processing jobs from")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits until the process has written anything: the JVM is up and Quarkus is starting. */
    boolean awaitFirstOutput(Duration max) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.size(log) > 0) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Sends a signal by name ({@code USR2}, {@code CONT}, …) with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IOException("kill -" + name + " exited " + status);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, jobs in hand stay reserved. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then the exit status (or -1 if it did not exit within {@code max}). */
    int terminate(Duration max) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** The exit status once the process ends by itself, or -1 (and killed) if it runs longer than {@code max}. */
    int awaitExit(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    int exitValue() {
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }
}
