package io.echostack.echo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code client:add [appId]}: adds an HTTP API client with a new 32-hex-digit key (a new 16-hex-digit appId when none
 * is given), or gives an existing one a new key, and saves the config file it read.
 */
@Command(name = "client:add", mixinStandardHelpOptions = true, description = "Register a client for the HTTP API.")
final class ClientAddCommand implements Callable<Integer> {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Parameters(index = "0", arity = "0..1", description = "The app id (default: a new random one).")
    private String appId;

    @Mixin
    private ConfigLocation location;

    @Override
    public Integer call() throws IOException {
        Path path = location.path();
        ObjectNode config;
        try {
            config = ConfigFile.read(path);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        JsonNode existing = config.get("clients");
        ArrayNode clients = existing instanceof ArrayNode array ? array : config.putArray("clients");
        String id = appId == null || appId.isEmpty() ? hex(8) : appId;
        String key = hex(16);
        ObjectNode client = find(clients, id);
        if (client != null) {
            client.put("key", key);
            System.out.println("API Client updated!");
        } else {
            clients.addObject().put("appId", id).put("key", key);
            System.out.println("API Client added!");
        }
        ConfigFile.write(path, config);
        System.out.println("appId: " + id);
        System.out.println("key: " + key);
        return 0;
    }

    static ObjectNode find(ArrayNode clients, String appId) {
        for (JsonNode client : clients) {
            if (client instanceof ObjectNode object && appId.equals(object.path("appId").asText(null))) {
                return object;
            }
        }
        return null;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
