package io.echostack.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * The Redis of {@code ./run.sh}: a {@code redis-server} found on PATH, else the binary shipped in
 * {@code com.github.codemonstur:embedded-redis}. Bound to 127.0.0.1, no persistence; stopped by {@link #close()}.
 */
final class LocalRedis implements AutoCloseable {
    private final int port;
    private final String kind;
    private final Process process;
    private final RedisServer embedded;

    private LocalRedis(int port, String kind, Process process, RedisServer embedded) {
        this.port = port;
        this.kind = kind;
        this.process = process;
        this.embedded = embedded;
    }

    static LocalRedis start(int port, Path log) throws IOException {
        String onPath = findOnPath("redis-server");
        if (onPath != null) {
            Process process = new ProcessBuilder(onPath, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitPort(port, process);
            return new LocalRedis(port, onPath, process, null);
        }
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        return new LocalRedis(port, "embedded redis-server (Maven)", null, server);
    }

    int port() {
        return port;
    }

    String kind() {
        return kind;
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
        if (embedded != null) {
            embedded.stop();
        }
    }

    private static String findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, command);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    private static void awaitPort(int port, Process process) throws IOException {
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IOException("redis-server did not listen on " + port);
    }
}
