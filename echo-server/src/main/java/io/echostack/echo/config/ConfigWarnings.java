package io.echostack.echo.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.transport.SocketIoSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a config file does that its author may not expect, said out loud at start: the surprises of
 * laravel-echo-server's shallow merge, which we keep for compatibility (a nested object in the file replaces the
 * default object whole, so a key left out of it is off or unset, not defaulted), and ioredis and socket.io options we
 * cannot honour.
 */
final class ConfigWarnings {
    /** ioredis options users set that we cannot honour: TLS to the sentinels themselves, unix sockets. */
    private static final List<String> UNSUPPORTED_REDIS_OPTIONS = List.of("sentinelTLS", "path");

    private ConfigWarnings() {
    }

    static List<String> check(ObjectNode file) {
        List<String> warnings = new ArrayList<>();
        JsonNode subscribers = file.get("subscribers");
        if (subscribers instanceof ObjectNode given) {
            for (String key : List.of("http", "redis")) {
                if (!given.has(key)) {
                    warnings.add("\"subscribers\" has no \"" + key + "\": the " + key + " subscriber is off (a nested"
                            + " object replaces the default one whole, as in laravel-echo-server).");
                }
            }
        }
        JsonNode cors = file.get("apiOriginAllow");
        if (cors instanceof ObjectNode given && given.path("allowCors").asBoolean() && !given.has("allowOrigin")) {
            warnings.add("\"apiOriginAllow\" turns CORS on without \"allowOrigin\": the header will be empty.");
        }
        JsonNode database = file.get("databaseConfig");
        if (database instanceof ObjectNode given && !given.has("redis")) {
            warnings.add("\"databaseConfig\" has no \"redis\": Redis is reached at 127.0.0.1:6379, db 0, without a"
                    + " key prefix.");
        }
        if (database instanceof ObjectNode given && !given.has("sqlite")
                && "sqlite".equals(file.path("database").asText())) {
            warnings.add("\"databaseConfig\" has no \"sqlite\": the SQLite file is <working directory>"
                    + EchoServerConfig.DEFAULT_SQLITE_PATH + ".");
        }
        for (String key : UNSUPPORTED_REDIS_OPTIONS) {
            if (file.path("databaseConfig").path("redis").has(key)) {
                warnings.add("databaseConfig.redis." + key + " is not supported and is ignored.");
            }
        }
        for (String key : SocketIoSettings.unsupportedKeys(file.get("socketio"))) {
            warnings.add("socketio." + key + " is not supported and is ignored.");
        }
        return warnings;
    }
}
