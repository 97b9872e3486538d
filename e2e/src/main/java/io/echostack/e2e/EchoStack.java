package io.echostack.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three packaged services started as separate processes against one Redis and one PostgreSQL: echo-server from
 * its jar with a laravel-echo-server.json, api-service and queue-worker from their Quarkus fast-jars configured by the
 * usual Quarkus properties. Used by {@code ./run.sh} (via {@link RunStack}) and by the end-to-end tests.
 */
public final class EchoStack implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** The admin api-service seeds in this stack (its {@code echo.admin.seed.*} defaults). */
    public static final String ADMIN_EMAIL = "admin@example.com";
    public static final String ADMIN_PASSWORD = "password";
    /** The HTTP API client ({@code clients} of laravel-echo-server.json) of this stack's echo-server. */
    public static final String API_APP_ID = "echo-stack";
    public static final String API_KEY = "demo-key";

    private final StackConfig config;
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile boolean closing;

    private EchoStack(StackConfig config) {
        this.config = config;
    }

    /** Starts echo-server, queue-worker and api-service, each waited for until its health check answers. */
    public static EchoStack start(StackConfig config) {
        EchoStack stack = new EchoStack(config);
        try {
            stack.startEchoServer();
            stack.startQuarkusService("queue-worker", config.workerPort());
            // The prod profile never seeds users; the demo stack asks for the admin explicitly.
            stack.startQuarkusService("api-service", config.apiPort(), "-Decho.admin.seed.enabled=true",
                    "-Decho.admin-page.echo-url=" + config.echoUrl());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public StackConfig config() {
        return config;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** A service that exited by itself; none once {@link #close()} has begun, since it stops them. */
    public Optional<ServiceProcess> exitedByItself() {
        for (ServiceProcess service : services) {
            if (!service.isAlive() && !closing) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    private void startEchoServer() {
        Path configFile = writeEchoServerConfig();
        ServiceProcess echo = ServiceProcess.startJar("echo-server",
                config.repoRoot().resolve("echo-server/target/echo-server.jar"), List.of("-Xmx256m"),
                List.of("start", "--config", configFile.toString()), Map.of(), config.runDir().resolve("echo-server.log"));
        services.add(echo);
        echo.awaitReady(config.echoUrl() + "/", STARTUP);
    }

    /** A Quarkus fast-jar ({@code <module>/target/quarkus-app}), ready when {@code /q/health/ready} says so. */
    private void startQuarkusService(String module, int httpPort, String... extraProperties) {
        List<String> properties = new ArrayList<>(quarkusProperties(httpPort));
        properties.addAll(List.of(extraProperties));
        ServiceProcess service = ServiceProcess.startJar(module,
                config.repoRoot().resolve(module + "/target/quarkus-app/quarkus-run.jar"),
                properties, List.of(), Map.of(), config.runDir().resolve(module + ".log"));
        services.add(service);
        service.awaitReady("http://127.0.0.1:" + httpPort + "/q/health/ready", STARTUP);
    }

    private List<String> quarkusProperties(int httpPort) {
        return List.of("-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.redis.hosts=" + config.redisUrl(),
                "-Dquarkus.datasource.jdbc.url=" + config.jdbcUrl(),
                "-Dquarkus.datasource.username=" + config.jdbcUser(),
                "-Dquarkus.datasource.password=" + config.jdbcPassword());
    }

    /** A laravel-echo-server.json as a user would write it, pointing at this stack's Redis. */
    private Path writeEchoServerConfig() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("authHost", config.apiUrl());
        root.put("authEndpoint", "/broadcasting/auth");
        root.put("host", "127.0.0.1");
        root.put("port", Integer.toString(config.echoPort()));
        root.put("devMode", true);
        root.put("database", "redis");
        ObjectNode redis = root.putObject("databaseConfig").putObject("redis");
        redis.put("host", config.redisHost());
        redis.put("port", Integer.toString(config.redisPort()));
        redis.put("keyPrefix", "laravel_database_");
        root.putObject("subscribers").put("http", true).put("redis", true);
        // What `client:add` would write, fixed so the docs can name it: the /apps/... API answers 403 without one.
        root.putArray("clients").addObject().put("appId", API_APP_ID).put("key", API_KEY);
        Path file = config.runDir().resolve("laravel-echo-server.json");
        try {
            Files.createDirectories(file.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the services in reverse start order (api first, so nothing enqueues into a stopped worker). */
    @Override
    public void close() {
        closing = true;
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
    }
}
