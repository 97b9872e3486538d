package io.echostack.echo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code client:remove <appId>}: removes that HTTP API client and saves the config file it read. An unknown id is an
 * error (the reference removed the last client instead).
 */
@Command(name = "client:remove", mixinStandardHelpOptions = true, description = "Remove a client of the HTTP API.")
final class ClientRemoveCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The app id to remove.")
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
        JsonNode clients = config.get("clients");
        ObjectNode client = clients instanceof ArrayNode array ? ClientAddCommand.find(array, appId) : null;
        if (client == null) {
            System.err.println("Error: no client with appId " + appId + " in " + path);
            return 1;
        }
        ArrayNode array = (ArrayNode) clients;
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == client) {
                array.remove(i);
                break;
            }
        }
        ConfigFile.write(path, config);
        System.out.println("Client removed: " + appId);
        return 0;
    }
}
