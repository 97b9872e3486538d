package io.echostack.deploy.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echostack.deploy.RepoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * echo-server's {@link ServiceSpec}: the {@code LARAVEL_ECHO_SERVER_*} variables its {@code EnvironmentOverrides}
 * reads, the port of the image's {@code laravel-echo-server.json} (else the defaults' 6001), {@code GET /} (alive,
 * the reference's check) and, where {@code EchoServer} mounts them, {@code /health} (ready: 503 while Redis is
 * disconnected) and {@code /metrics}. The Redis host is required when the image's file does not name one (the default
 * is 127.0.0.1).
 */
public final class EchoServerReader {
    /** The config file baked into the image (echo-server/Dockerfile) and mounted in Kubernetes. */
    public static final String IMAGE_CONFIG = "deploy/config/laravel-echo-server.json";
    static final String ALIVE_PATH = "/";
    private static final String SERVER = "echo-server/src/main/java/io/echostack/echo/EchoServer.java";
    private static final Pattern MOUNT = Pattern.compile("http\\.mount\\(\"(/[^\"]*)\"");
    private static final String OVERRIDES =
            "echo-server/src/main/java/io/echostack/echo/config/EnvironmentOverrides.java";
    private static final String DEFAULTS =
            "echo-server/src/main/resources/io/echostack/echo/config/defaults.json";
    private static final Pattern VARIABLE = Pattern.compile("PATHS\\.put\\(\"(LARAVEL_ECHO_SERVER_[A-Z_]+)\"");

    private EchoServerReader() {
    }

    public static ServiceSpec read() {
        Set<String> readEnv = new TreeSet<>(JvmEnvironment.VARIABLES);
        Matcher variable = VARIABLE.matcher(RepoFiles.read(OVERRIDES));
        while (variable.find()) {
            readEnv.add(variable.group(1));
        }
        if (readEnv.size() == JvmEnvironment.VARIABLES.size()) {
            throw new IllegalStateException("no LARAVEL_ECHO_SERVER_* variable found in " + OVERRIDES);
        }
        JsonNode config = imageConfig();
        int port = config.path("port").asInt(json(DEFAULTS).path("port").asInt());
        Set<String> required = config.path("databaseConfig").path("redis").hasNonNull("host")
                ? Set.of() : Set.of("LARAVEL_ECHO_SERVER_REDIS_HOST");
        Set<String> mounted = new TreeSet<>();
        Matcher mount = MOUNT.matcher(RepoFiles.read(SERVER));
        while (mount.find()) {
            mounted.add(mount.group(1));
        }
        String ready = mounted.contains("/health") ? "/health" : ALIVE_PATH;
        String metrics = mounted.contains("/metrics") ? "/metrics" : null;
        return new ServiceSpec("echo-server", StackServices.image("echo-server"), readEnv, required,
                new Http(port, ready, ALIVE_PATH, metrics));
    }

    public static JsonNode imageConfig() {
        return json(IMAGE_CONFIG);
    }

    /** The {@code keyPrefix} echo-server strips from Redis channels, as the image's config file sets it. */
    public static String redisPrefix() {
        return imageConfig().path("databaseConfig").path("redis").path("keyPrefix").asText();
    }

    public static JsonNode json(String relative) {
        try {
            return new ObjectMapper().readTree(RepoFiles.read(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
