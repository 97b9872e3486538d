package io.echostack.echo.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** laravel-echo-server 1.6.3's dev lines: which carry a timestamp, and its exact format. */
class ConsoleLogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void devLinesCarryAMillisecondTimestampAsJavaScriptsToIsoString() {
        ConsoleLog console = console(true);

        console.dev("abc joined channel: news");
        console.devWarning("abc could not be authenticated to private-x");

        assertThat(lines()).satisfiesExactly(
                line -> assertThat(line).matches(
                        "\\[\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z] - abc joined channel: news"),
                line -> assertThat(line).matches(
                        "⚠ \\[\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z] - abc could not be .*"));
    }

    @Test
    void someDevLinesHaveNoTimestamp() {
        ConsoleLog console = console(true);

        console.devSuccess("Channels are ready.");
        console.devDetail("Channel: news");

        assertThat(lines()).containsExactly("✔  Channels are ready.", "Channel: news");
    }

    @Test
    void devLinesAreSilentOutsideDevMode() {
        ConsoleLog console = console(false);

        console.dev("a");
        console.devWarning("b");
        console.devDetail("c");
        console.devSuccess("d");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private ConsoleLog console(boolean devMode) {
        return new ConsoleLog(new PrintStream(out, true, StandardCharsets.UTF_8), devMode);
    }

    private String[] lines() {
        return out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
    }
}
