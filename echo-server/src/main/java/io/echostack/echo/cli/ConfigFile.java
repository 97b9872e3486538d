package io.echostack.echo.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.config.ConfigException;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A {@code laravel-echo-server.json} edited by the CLI: read as written (no defaults, no environment), written back to
 * the same path, every key kept, byte for byte as laravel-echo-server writes JSON
 * ({@code JSON.stringify(config, null, "\t")}). (The reference saved to {@code laravel-echo-server.json} whatever
 * file it read, dropped unknown keys and persisted environment values.)
 */
final class ConfigFile {
    /** {@code "key": value}, {@code {}} and {@code []} when empty, tabs, no newline at the end. */
    private static final DefaultPrettyPrinter JSON_STRINGIFY_TABS = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("\t", "\n"))
            .withArrayIndenter(new DefaultIndenter("\t", "\n"));

    private ConfigFile() {
    }

    static ObjectNode read(Path path) throws ConfigException {
        try {
            JsonNode node = Json.mapper().readTree(Files.readString(path));
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new ConfigException("Error: " + path + " is not a JSON object.");
        } catch (NoSuchFileException e) {
            throw new ConfigException("Error: The config file could not be found: " + path.toAbsolutePath());
        } catch (IOException e) {
            throw new ConfigException("Error: There was a problem reading the config file " + path + ": "
                    + e.getMessage(), e);
        }
    }

    static void write(Path path, ObjectNode config) throws IOException {
        Files.writeString(path, Json.mapper().writer(JSON_STRINGIFY_TABS).writeValueAsString(config));
    }
}
