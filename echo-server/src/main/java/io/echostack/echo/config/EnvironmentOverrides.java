package io.echostack.echo.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * laravel-echo-server's twelve {@code LARAVEL_ECHO_SERVER_*} environment variables, plus {@code _REDIS_DB} and
 * {@code _REDIS_KEY_PREFIX}, applied to the config file's
 * keys before they are merged over the defaults. Empty variables are ignored. A value containing {@code ${NAME}} is
 * replaced whole by the variable {@code NAME} (so {@code ${APP_URL}} works, surrounding text is dropped, as in the
 * reference). Values are set as strings; missing parent objects are created (the reference crashes instead).
 * {@link ConfigLoader#load(java.nio.file.Path)} adds the working directory's {@code .env} ({@link DotEnv}).
 */
public final class EnvironmentOverrides {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("LARAVEL_ECHO_SERVER_AUTH_HOST", "authHost");
        PATHS.put("LARAVEL_ECHO_SERVER_DEBUG", "devMode");
        PATHS.put("LARAVEL_ECHO_SERVER_HOST", "host");
        PATHS.put("LARAVEL_ECHO_SERVER_PORT", "port");
        PATHS.put("LARAVEL_ECHO_SERVER_REDIS_HOST", "databaseConfig.redis.host");
        PATHS.put("LARAVEL_ECHO_SERVER_REDIS_PORT", "databaseConfig.redis.port");
        PATHS.put("LARAVEL_ECHO_SERVER_REDIS_PASSWORD", "databaseConfig.redis.password");
        PATHS.put("LARAVEL_ECHO_SERVER_PROTO", "protocol");
        PATHS.put("LARAVEL_ECHO_SERVER_SSL_CERT", "sslCertPath");
        PATHS.put("LARAVEL_ECHO_SERVER_SSL_KEY", "sslKeyPath");
        PATHS.put("LARAVEL_ECHO_SERVER_SSL_CHAIN", "sslCertChainPath");
        PATHS.put("LARAVEL_ECHO_SERVER_SSL_PASS", "sslPassphrase");
        // Ours (names used by forks and Docker images): what the reference could only set in the file.
        PATHS.put("LARAVEL_ECHO_SERVER_REDIS_DB", "databaseConfig.redis.db");
        PATHS.put("LARAVEL_ECHO_SERVER_REDIS_KEY_PREFIX", "databaseConfig.redis.keyPrefix");
    }

    private EnvironmentOverrides() {
    }

    /** Sets every non-empty variable's value at its path in {@code file}. */
    public static void apply(ObjectNode file, Map<String, String> env) {
        PATHS.forEach((variable, path) -> {
            String value = env.get(variable);
            if (value != null && !value.isEmpty()) {
                set(file, path, expand(value, env));
            }
        });
    }

    private static String expand(String value, Map<String, String> env) {
        Matcher reference = REFERENCE.matcher(value);
        return reference.find() ? env.getOrDefault(reference.group(1), "") : value;
    }

    private static void set(ObjectNode root, String path, String value) {
        String[] keys = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = parent.get(keys[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(keys[i]);
        }
        parent.put(keys[keys.length - 1], value);
    }
}
