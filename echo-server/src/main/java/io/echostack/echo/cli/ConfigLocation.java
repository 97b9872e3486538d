package io.echostack.echo.cli;

import io.echostack.echo.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config <file> [--dir <dir>]} options every command shares, resolved as laravel-echo-server does:
 * {@code <dir>/<file>}, relative to the working directory.
 */
final class ConfigLocation {

    @Option(names = "--config", defaultValue = "laravel-echo-server.json",
            description = "Config file, relative to --dir or the working directory (default: ${DEFAULT-VALUE}).")
    private String configFile;

    @Option(names = "--dir", description = "Directory of the config file.")
    private String dir;

    Path path() {
        return ConfigLoader.resolve(dir, configFile);
    }
}
