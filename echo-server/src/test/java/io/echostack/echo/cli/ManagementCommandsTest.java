package io.echostack.echo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stop, the lock file, client:add, client:remove and configure/init on real files and a real process. */
class ManagementCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    @Test
    void clientAddAndRemoveEditTheFileTheyReadAndKeepEveryKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("echo.json");
        Files.writeString(file, "{\"port\": 6002, \"headers\": {\"X-Frame-Options\": \"DENY\"},"
                + " \"clients\": [{\"appId\": \"keep\", \"key\": \"k\"}]}");

        assertThat(execute("client:add", "app-1", "--config", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("API Client added!").contains("appId: app-1");
        String firstKey = client(file, "app-1").path("key").asText();
        assertThat(firstKey).matches("[0-9a-f]{32}");
        assertThat(execute("client:add", "app-1", "--config", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("API Client updated!");
        assertThat(client(file, "app-1").path("key").asText()).isNotEqualTo(firstKey);

        assertThat(execute("client:remove", "unknown", "--config", file.toString())).isEqualTo(1);
        assertThat(read(file).path("clients")).hasSize(2);
        assertThat(execute("client:remove", "app-1", "--dir", dir.toString(), "--config", "echo.json")).isZero();

        JsonNode config = read(file);
        assertThat(config.path("clients")).singleElement()
                .satisfies(c -> assertThat(c.path("appId").asText()).isEqualTo("keep"));
        assertThat(config.path("headers").path("X-Frame-Options").asText()).isEqualTo("DENY");
        assertThat(config.path("port").asInt()).isEqualTo(6002);
        assertThat(Files.readString(file)).contains("\n\t\"port\"");
        assertThat(dir.resolve("laravel-echo-server.json")).doesNotExist();
    }

    @Test
    void clientAddWritesJsonAsTheReferenceDoes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("laravel-echo-server.json");
        Files.writeString(file, "{\"port\": 6002, \"socketio\": {}, \"host\": null, \"clients\": []}\n");

        assertThat(execute("client:add", "app-1", "--dir", dir.toString())).isZero();

        // JSON.stringify(config, null, "\t"): "key": value, empty {} and [], no newline at the end
        assertThat(Files.readString(file)).isEqualTo("""
                {
                \t"port": 6002,
                \t"socketio": {},
                \t"host": null,
                \t"clients": [
                \t\t{
                \t\t\t"appId": "app-1",
                \t\t\t"key": "%s"
                \t\t}
                \t]
                }""".formatted(client(file, "app-1").path("key").asText()));
    }

    @Test
    void clientAddWithoutAnIdGeneratesOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("laravel-echo-server.json"), "{}");

        assertThat(execute("client:add", "--dir", dir.toString())).isZero();

        assertThat(read(dir.resolve("laravel-echo-server.json")).path("clients").get(0).path("appId").asText())
                .matches("[0-9a-f]{16}");
    }

    @Test
    void stopTerminatesTheProcessOfTheLockAndRemovesIt(@TempDir Path dir) throws Exception {
        Process server = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve("echo.lock"), "{\n\t\"process\": " + server.pid() + "\n}");

            assertThat(execute("stop", "--dir", dir.toString(), "--config", "echo.json")).isZero();

            assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(dir.resolve("echo.lock")).doesNotExist();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Closed the running server.");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void stopWithoutALockFails(@TempDir Path dir) {
        assertThat(execute("stop", "--dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Could not find any lock file.");
    }

    @Test
    void startRefusesWhileTheLockedServerRuns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("laravel-echo-server.json"), "{}");
        Process server = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve("laravel-echo-server.lock"), "{\"process\": " + server.pid() + "}");

            assertThat(execute("start", "--dir", dir.toString())).isEqualTo(1);

            assertThat(err.toString(StandardCharsets.UTF_8)).contains("There is already a server running!");
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void initAsksTheReferenceQuestionsAndSavesTheDefaultsWithTheAnswers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("echo.json");
        // devMode, port, database, authHost, protocol, addClient, corsAllow, allowOrigin, methods, headers, file
        System.setIn(new ByteArrayInputStream(String.join("\n", "y", "6003", "", "http://app.test", "", "y", "y",
                "http://app.test", "", "", file.toString(), "").getBytes(StandardCharsets.UTF_8)));

        assertThat(execute("init")).isZero();

        JsonNode config = read(file);
        assertThat(config.path("devMode").asBoolean()).isTrue();
        assertThat(config.path("port").asText()).isEqualTo("6003");
        assertThat(config.path("database").asText()).isEqualTo("redis");
        assertThat(config.path("authHost").asText()).isEqualTo("http://app.test");
        assertThat(config.path("authEndpoint").asText()).isEqualTo("/broadcasting/auth");
        assertThat(config.path("clients")).hasSize(1);
        assertThat(config.path("apiOriginAllow").path("allowOrigin").asText()).isEqualTo("http://app.test");
        assertThat(config.path("apiOriginAllow").path("allowMethods").asText()).isEqualTo("GET, POST");
        assertThat(config.path("secureOptions").asInt()).isEqualTo(67108864);
        // the command a user can type (the reference names its own `laravel-echo-server start`)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Configuration file saved. Run java -jar "
                + "echo-server.jar start --config=\"" + file + "\" to run server.");
    }

    @Test
    void initWithTheDefaultAnswersWritesTheReferenceFileByteForByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("echo.json");
        System.setIn(new ByteArrayInputStream(("\n".repeat(7) + file + "\n").getBytes(StandardCharsets.UTF_8)));

        // --dir is not an option of init: ignored, as by the reference
        assertThat(execute("init", "--dir", "elsewhere")).isZero();

        // laravel-echo-server 1.6.3's init with the same answers wrote exactly this (our own keys are left out)
        assertThat(Files.readString(file)).isEqualTo("""
                {
                \t"authHost": "http://localhost",
                \t"authEndpoint": "/broadcasting/auth",
                \t"clients": [],
                \t"database": "redis",
                \t"databaseConfig": {
                \t\t"redis": {},
                \t\t"sqlite": {
                \t\t\t"databasePath": "/database/laravel-echo-server.sqlite"
                \t\t}
                \t},
                \t"devMode": false,
                \t"host": null,
                \t"port": "6001",
                \t"protocol": "http",
                \t"socketio": {},
                \t"secureOptions": 67108864,
                \t"sslCertPath": "",
                \t"sslKeyPath": "",
                \t"sslCertChainPath": "",
                \t"sslPassphrase": "",
                \t"subscribers": {
                \t\t"http": true,
                \t\t"redis": true
                \t},
                \t"apiOriginAllow": {
                \t\t"allowCors": false,
                \t\t"allowOrigin": "",
                \t\t"allowMethods": "",
                \t\t"allowHeaders": ""
                \t}
                }""");
    }

    private static JsonNode client(Path file, String appId) throws Exception {
        for (JsonNode client : read(file).path("clients")) {
            if (appId.equals(client.path("appId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + appId);
    }

    private static JsonNode read(Path file) throws Exception {
        return Json.mapper().readTree(Files.readString(file));
    }

    private static int execute(String... args) {
        return EchoServerCommand.commandLine().execute(args);
    }
}
