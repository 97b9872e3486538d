package io.echostack.echo.support;

import io.echostack.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server (or sentinel) of a test's own, from the binary embedded-redis ships (so no installed Redis is
 * needed), with a config file the test writes: for what {@code TestRedis} does not offer (sentinels, TLS, passwords).
 * Listens on 127.0.0.1 only; stopped by its own process handle.
 */
public final class RedisProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private RedisProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A server on a free port; {@code config} lines come after {@code port} and {@code bind}. */
    public static RedisProcess server(Path dir, String... config) {
        return start(dir, false, FreePorts.next(), config);
    }

    /** A server on the given port, e.g. the port of one that was closed: clients see a Redis restart. */
    public static RedisProcess server(Path dir, int port, String... config) {
        return start(dir, false, port, config);
    }

    /** A sentinel on a free port ({@code redis-server <conf> --sentinel}); the conf must be writable. */
    public static RedisProcess sentinel(Path dir, String... config) {
        return start(dir, true, FreePorts.next(), config);
    }

    private static RedisProcess start(Path dir, boolean sentinel, int port, String... config) {
        try {
            Path conf = dir.resolve((sentinel ? "sentinel-" : "redis-") + port + ".conf");
            List<String> lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "save \"\"",
                    "appendonly no", "dir " + dir));
            lines.addAll(List.of(config));
            Files.write(conf, lines);
            Path log = dir.resolve(conf.getFileName() + ".log");
            List<String> command = new ArrayList<>(List.of(binary().toString(), conf.toString()));
            if (sentinel) {
                command.add("--sentinel");
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            RedisProcess redis = new RedisProcess(process, port, log);
            redis.awaitListening();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binary() throws IOException {
        return ExecutableProvider.newJarResourceProvider().get().toPath();
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IOException("redis-server did not listen on " + port + ": " + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
