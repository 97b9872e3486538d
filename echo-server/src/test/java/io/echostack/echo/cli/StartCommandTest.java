package io.echostack.echo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's failure paths exit non-zero with a message that says what to fix (the reference exits 0). */
class StartCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    @Test
    void aMissingConfigFileExitsWithOne(@TempDir Path dir) {
        int code = execute("start", "--dir", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("The config file could not be found").contains("laravel-echo-server.json");
    }

    @Test
    void anInvalidConfigFileExitsWithOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("echo.json"), "{\"port\": \"none\"}");

        int code = execute("start", "--config", dir.resolve("echo.json").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("Invalid \"port\"");
    }

    @Test
    void httpsWithoutCertificateFilesExitsWithOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("laravel-echo-server.json"), "{\"protocol\": \"https\", \"port\": 6001}");

        int code = execute("start", "--dir", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("SSL paths are missing in server config");
        assertThat(dir.resolve("laravel-echo-server.lock")).doesNotExist();
    }

    @Test
    void anUnknownDatabaseExitsWithOneBeforeStarting(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("laravel-echo-server.json"), "{\"database\": \"mongodb\", \"port\": 6001}");

        int code = execute("start", "--dir", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("\"database\" must be \"redis\" or \"sqlite\"");
        assertThat(dir.resolve("laravel-echo-server.lock")).doesNotExist();
    }

    @Test
    void unknownOptionsAndExtraArgumentsAreIgnoredWithAWarningAsYargsDoes(@TempDir Path dir) {
        int start = execute("start", "--dir", dir.toString(), "--x", "--dev", "true", "extra");
        int stop = execute("stop", "--force", "--dir", dir.toString());

        assertThat(start).as("not a usage error: the missing config is").isEqualTo(1);
        assertThat(stop).as("not a usage error: the missing lock is").isEqualTo(1);
        assertThat(stderr()).contains("Warning: ignoring unknown options and arguments: --x extra")
                .contains("The config file could not be found")
                .contains("Warning: ignoring unknown options and arguments: --force")
                .contains("Could not find any lock file.");
    }

    @Test
    void devAndForceTakeAnOptionalTrueOrFalse() {
        assertThat(startOption("--dev", "--dev", "true")).isTrue();
        assertThat(startOption("--dev", "--dev", "false")).isFalse();
        assertThat(startOption("--dev", "--dev")).isTrue();
        assertThat(startOption("--force", "--force", "false", "--dev")).isFalse();
    }

    @Test
    void anUnknownCommandIsStillAUsageError() {
        assertThat(execute("begin")).isEqualTo(2);
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(execute()).isEqualTo(2);
        assertThat(stderr()).contains("Please provide a valid command.");
    }

    private static int execute(String... args) {
        return EchoServerCommand.commandLine().execute(args);
    }

    private static boolean startOption(String name, String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "start";
        System.arraycopy(args, 0, line, 1, args.length);
        return EchoServerCommand.commandLine().parseArgs(line).subcommand().matchedOptionValue(name, false);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
