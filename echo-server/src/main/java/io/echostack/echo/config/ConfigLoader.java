package io.echostack.echo.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code laravel-echo-server.json} like laravel-echo-server: {@link EnvironmentOverrides} are applied to the
 * file, then its top-level keys replace the defaults' (a nested object replaces the default object whole),
 * {@code devMode} is on only for {@code true} or {@code "true"}, and {@code port} follows {@link ListenPort}.
 * Errors become {@link ConfigException}s that say what to fix, never a crash.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "defaults.json";
    private static final ObjectMapper MAPPER = Json.mapper();

    private ConfigLoader() {
    }

    /**
     * {@code dir}/{@code file} (either may be null) joined as Node's {@code path.join} does, so an absolute file is
     * still taken under {@code dir} ({@code /a} + {@code /b.json} = {@code /a/b.json}); relative paths are against
     * the working directory.
     */
    public static Path resolve(String dir, String file) {
        String name = file == null || file.isBlank() ? "laravel-echo-server.json" : file;
        return Path.of(dir == null ? "" : dir, name).normalize();
    }

    /**
     * Reads the file and applies the {@code LARAVEL_ECHO_SERVER_*} variables of this process's environment and of the
     * working directory's {@code .env} (the environment wins), as the reference does.
     */
    public static EchoServerConfig load(Path path) throws ConfigException {
        return load(path, DotEnv.overlay(Path.of(".env"), System.getenv()));
    }

    public static EchoServerConfig load(Path path, Map<String, String> env) throws ConfigException {
        String json;
        try {
            json = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Error: The config file could not be found: " + path.toAbsolutePath());
        } catch (IOException e) {
            throw new ConfigException("Error: There was a problem reading the config file " + path + ": "
                    + e.getMessage(), e);
        }
        try {
            return parse(json, env);
        } catch (ConfigException e) {
            throw new ConfigException("Error: There was a problem reading the config file " + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** Parses a config file's content, without environment overrides. */
    public static EchoServerConfig parse(String json) throws ConfigException {
        return parse(json, Map.of());
    }

    public static EchoServerConfig parse(String json, Map<String, String> env) throws ConfigException {
        JsonNode file;
        try {
            file = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (file == null || !file.isObject()) {
            throw new ConfigException("the top level must be a JSON object");
        }
        EnvironmentOverrides.apply((ObjectNode) file, env);
        ObjectNode merged = defaults();
        merged.setAll((ObjectNode) file);
        merged.put("port", ListenPort.parse(merged.path("port").asText()));
        merged.put("devMode", "true".equals(merged.path("devMode").asText()));
        redisTlsFlag(merged);
        EchoServerConfig config;
        try {
            config = MAPPER.treeToValue(merged, EchoServerConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException("unexpected value (" + e.getOriginalMessage() + ")", e);
        }
        if (!EchoServerConfig.REDIS.equals(config.database()) && !EchoServerConfig.SQLITE.equals(config.database())) {
            throw new ConfigException("\"database\" must be \"redis\" or \"sqlite\", not " + merged.get("database"));
        }
        if (config.authRequestTimeout() <= 0) {
            throw new ConfigException("authRequestTimeout must be a positive number of milliseconds");
        }
        if (config.clientEventMaxBytes() <= 0) {
            throw new ConfigException("clientEventMaxBytes must be a positive number of bytes");
        }
        if (config.maxChannelsPerSocket() <= 0) {
            throw new ConfigException("maxChannelsPerSocket must be a positive number");
        }
        ConfigWarnings.check((ObjectNode) file).forEach(warning -> System.out.println("⚠ " + warning));
        return config;
    }

    /** ioredis takes any truthy {@code tls} (e.g. {@code true}) as TLS with Node's defaults: {@code {}} for us. */
    private static void redisTlsFlag(ObjectNode merged) {
        if (merged.path("databaseConfig").path("redis") instanceof ObjectNode redis && redis.get("tls") != null
                && redis.get("tls").isBoolean()) {
            if (redis.get("tls").asBoolean()) {
                redis.putObject("tls");
            } else {
                redis.remove("tls");
            }
        }
    }

    /** A fresh copy of the built-in defaults ({@code defaults.json}). */
    public static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the jar");
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
