package io.echostack.testsupport.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real laravel-echo client in its own Node process ({@code tools/node-clients/echo-client.mjs}), for tests of the
 * echo-server alone or the whole stack. Every JSON line the client prints is kept, in order:
 * <pre>
 * try (EchoClient client = EchoClient.builder(EchoGeneration.ECHO_1, "http://127.0.0.1:" + port)
 *         .channel("poster_room").transports(Transports.WEBSOCKET).start()) {
 *     String socketId = client.awaitSocketId(Duration.ofSeconds(10));
 *     // … publish …
 *     JsonNode data = client.awaitEvent("poster_room", ".backend_poster", Duration.ofSeconds(10)).get("data");
 * }
 * </pre>
 * Line types: {@code connected} (socketId, transport), {@code upgraded}, {@code listening} (channel, event),
 * {@code event} (channel, event, data), {@code left}, {@code emitted}, {@code disconnected} (reason),
 * {@code error} (message), {@code done}; for private and presence channels also {@code subscription_error}
 * (channel, status), {@code here} (members), {@code joining}/{@code leaving} (member), {@code whisper} (channel,
 * event, data) and {@code raw} (event, channel, payload: the exact presence emit); each also has {@code client}, the connection's index (see
 * {@link Builder#clients}). Stdout that is not JSON becomes {@code {"type":"raw","line":…}}.
 * {@link #close()} disconnects the client and ends the process.
 */
public final class EchoClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer stdin;
    private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Object signal = new Object();

    private EchoClient(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon("echo-client-stdout", () -> readLines(process.getInputStream()));
        daemon("echo-client-stderr", () -> copy(process.getErrorStream(), stderr));
    }

    public static Builder builder(EchoGeneration generation, String url) {
        return new Builder(generation, url);
    }

    /** Every line so far, oldest first. */
    public List<JsonNode> lines() {
        return List.copyOf(lines);
    }

    /** The {@code event} lines so far. */
    public List<JsonNode> events() {
        return lines.stream().filter(line -> "event".equals(line.path("type").asText())).toList();
    }

    /** Waits for the first line (ever printed) that matches. */
    public JsonNode await(Predicate<JsonNode> matcher, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (true) {
                for (JsonNode line : lines) {
                    if (matcher.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching line from the echo client within " + timeout
                            + "; lines: " + lines + "; stderr: " + stderr);
                }
                try {
                    signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    public JsonNode awaitType(String type, Duration timeout) {
        return await(line -> type.equals(line.path("type").asText()), timeout);
    }

    /** The socket id of the first connection (what Laravel receives as X-Socket-ID). */
    public String awaitSocketId(Duration timeout) {
        return awaitType("connected", timeout).path("socketId").asText();
    }

    public JsonNode awaitEvent(String channel, String event, Duration timeout) {
        return await(line -> "event".equals(line.path("type").asText())
                && channel.equals(line.path("channel").asText())
                && event.equals(line.path("event").asText()), timeout);
    }

    /**
     * Sends a stdin command: {@code leave <channel>}, {@code listen <channel>}, {@code emit <event> [<json>]} (a raw
     * socket.io emit), {@code whisper <channel> <event> <json>} or {@code quit}.
     */
    public void command(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the echo client has exited", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the Node process wrote to stderr, for failure messages. */
    public String stderr() {
        return stderr.toString();
    }

    /**
     * Disconnects the client politely ({@code quit}: a polling client's server-side session would otherwise live on
     * until its ping timeout), then kills the process if it is still there.
     */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                command("quit");
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (UncheckedIOException e) {
            // already exiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kill();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readLines(InputStream stdout) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(parse(line));
                synchronized (signal) {
                    signal.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // not JSON: kept as raw below
        }
        ObjectNode raw = JSON.createObjectNode();
        raw.put("type", "raw");
        raw.put("line", line);
        return raw;
    }

    private static void copy(InputStream in, StringBuffer into) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                into.append(line).append('\n');
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Options of one client; {@link #start()} launches it. */
    public static final class Builder {
        private final EchoGeneration generation;
        private final String url;
        private final List<String> channels = new ArrayList<>();
        private final List<String> events = new ArrayList<>();
        private final List<String> authHeaders = new ArrayList<>();
        private final List<String> handshakeHeaders = new ArrayList<>();
        private final List<String> whisperEvents = new ArrayList<>();
        private Transports transports = Transports.DEFAULT;
        private Duration idle;
        private int clients = 1;
        private boolean insecure;
        private String path;

        private Builder(EchoGeneration generation, String url) {
            this.generation = generation;
            this.url = url;
        }

        /**
         * A channel to listen on, by wire name; repeatable. {@code private-…} is joined with {@code Echo.private},
         * {@code presence-…} with {@code Echo.join}, anything else with {@code Echo.channel}.
         */
        public Builder channel(String name) {
            channels.add(name);
            return this;
        }

        /** An event name as passed to {@code listen}; repeatable; default {@code .backend_poster}. */
        public Builder event(String name) {
            events.add(name);
            return this;
        }

        /** A header in Echo's {@code auth.headers} (sent with every subscribe); repeatable. */
        public Builder authHeader(String name, String value) {
            authHeaders.add(name + ": " + value);
            return this;
        }

        /** A header on the socket.io handshake itself, as a browser sends {@code Cookie} or {@code Referer}. */
        public Builder handshakeHeader(String name, String value) {
            handshakeHeaders.add(name + ": " + value);
            return this;
        }

        /** A whisper to listen for on every private and presence channel (lines of type {@code whisper}). */
        public Builder whisperEvent(String name) {
            whisperEvents.add(name);
            return this;
        }

        /** Accept any TLS certificate (an https:// server with a self-signed test certificate). */
        public Builder insecure() {
            insecure = true;
            return this;
        }

        /** socket.io's {@code path} option: where the server serves socket.io (its {@code socketio.path}). */
        public Builder path(String value) {
            path = value;
            return this;
        }

        public Builder transports(Transports value) {
            transports = value;
            return this;
        }

        /** Exit by itself (printing {@code done}) after this long; default: run until closed. */
        public Builder exitAfter(Duration value) {
            idle = value;
            return this;
        }

        /**
         * Opens this many independent connections in the one Node process (load tests); every line then tells which
         * by its {@code client} index. Default 1.
         */
        public Builder clients(int count) {
            clients = count;
            return this;
        }

        public EchoClient start() {
            Path dir = NodeClientsProject.directory();
            List<String> command = new ArrayList<>(List.of(node(), "echo-client.mjs",
                    "--echo", generation.argument(), "--url", url, "--transports", transports.argument()));
            channels.forEach(channel -> command.addAll(List.of("--channel", channel)));
            events.forEach(event -> command.addAll(List.of("--event", event)));
            authHeaders.forEach(header -> command.addAll(List.of("--header", header)));
            handshakeHeaders.forEach(header -> command.addAll(List.of("--handshake-header", header)));
            whisperEvents.forEach(event -> command.addAll(List.of("--whisper-event", event)));
            if (insecure) {
                command.add("--insecure");
            }
            if (path != null) {
                command.addAll(List.of("--path", path));
            }
            if (clients != 1) {
                command.addAll(List.of("--clients", Integer.toString(clients)));
            }
            if (idle != null) {
                command.addAll(List.of("--idle-seconds", Long.toString(idle.toSeconds())));
            }
            try {
                return new EchoClient(new ProcessBuilder(command).directory(dir.toFile()).start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
        }

        private static String node() {
            String configured = System.getenv("NODE");
            return configured == null || configured.isBlank() ? "node" : configured;
        }
    }
}
