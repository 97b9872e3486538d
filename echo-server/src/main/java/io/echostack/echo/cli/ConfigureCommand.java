package io.echostack.echo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code configure} (alias {@code init}): laravel-echo-server's questions, in its order and with its defaults (an empty
 * answer takes the default), then its default keys with the answers written to the chosen file as it writes them.
 */
@Command(name = "configure", aliases = "init", mixinStandardHelpOptions = true,
        description = "Create a config file by answering questions.")
final class ConfigureCommand implements Callable<Integer> {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The keys the reference's init writes, in its order; our own keys keep their defaults while absent. */
    private static final List<String> REFERENCE_KEYS = List.of("authHost", "authEndpoint", "clients", "database",
            "databaseConfig", "devMode", "host", "port", "protocol", "socketio", "secureOptions", "sslCertPath",
            "sslKeyPath", "sslCertChainPath", "sslPassphrase", "subscribers", "apiOriginAllow");

    @Option(names = "--config", defaultValue = "laravel-echo-server.json",
            description = "The default answer to the file name question (default: ${DEFAULT-VALUE}).")
    private String configFile;

    private BufferedReader in;

    @Override
    public Integer call() throws IOException {
        in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ObjectNode config = ConfigLoader.defaults().retain(REFERENCE_KEYS);
        config.put("devMode", confirm("Do you want to run this server in development mode?", false));
        config.put("port", ask("Which port would you like to serve from?", "6001"));
        config.put("database", choose("Which database would you like to use to store presence channel members?",
                List.of("redis", "sqlite")));
        config.put("authHost", ask("Enter the host of your Laravel authentication server.", "http://localhost"));
        String protocol = choose("Will you be serving on http or https?", List.of("http", "https"));
        config.put("protocol", protocol);
        if ("https".equals(protocol)) {
            config.put("sslCertPath", ask("Enter the path to your SSL cert file.", ""));
            config.put("sslKeyPath", ask("Enter the path to your SSL key file.", ""));
        }
        if (confirm("Do you want to generate a client ID/Key for HTTP API?", false)) {
            String appId = HexFormat.of().formatHex(random(8));
            String key = HexFormat.of().formatHex(random(16));
            config.putArray("clients").addObject().put("appId", appId).put("key", key);
            System.out.println("appId: " + appId);
            System.out.println("key: " + key);
        }
        if (confirm("Do you want to setup cross domain access to the API?", false)) {
            ObjectNode cors = config.putObject("apiOriginAllow");
            cors.put("allowCors", true);
            cors.put("allowOrigin", ask("Specify the URI that may access the API:", "http://localhost:80"));
            cors.put("allowMethods", ask("Enter the HTTP methods that are allowed for CORS:", "GET, POST"));
            cors.put("allowHeaders", ask("Enter the HTTP headers that are allowed for CORS:",
                    "Origin, Content-Type, X-Auth-Token, X-Requested-With, Accept, Authorization, X-CSRF-TOKEN,"
                            + " X-Socket-Id"));
        }
        String file = ask("What do you want this config to be saved as?", configFile);
        ConfigFile.write(Path.of(file), config);
        System.out.println("Configuration file saved. Run java -jar echo-server.jar start"
                + ("laravel-echo-server.json".equals(file) ? "" : " --config=\"" + file + "\"") + " to run server.");
        return 0;
    }

    private String ask(String question, String defaultValue) throws IOException {
        System.out.print("? " + question + (defaultValue.isEmpty() ? "" : " (" + defaultValue + ")") + " ");
        System.out.flush();
        String line = in.readLine();
        return line == null || line.isBlank() ? defaultValue : line.trim();
    }

    private boolean confirm(String question, boolean defaultValue) throws IOException {
        String answer = ask(question + (defaultValue ? " [Y/n]" : " [y/N]"), "");
        return answer.isEmpty() ? defaultValue : answer.toLowerCase(Locale.ROOT).startsWith("y");
    }

    /** The first choice is the default; anything that is not a choice is asked again (until input ends). */
    private String choose(String question, List<String> choices) throws IOException {
        while (true) {
            String answer = ask(question + " " + choices, choices.get(0));
            if (choices.contains(answer)) {
                return answer;
            }
            System.out.println("Please answer one of " + choices + ".");
        }
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }
}
