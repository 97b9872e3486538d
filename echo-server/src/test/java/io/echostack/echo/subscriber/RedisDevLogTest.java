package io.echostack.echo.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.RunningEchoServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Redis subscriber's dev-mode lines, in laravel-echo-server's format and order. */
class RedisDevLogTest {

    @Test
    void thePsubscribeIsAcknowledgedBeforeServerReady() throws Exception {
        try (RunningEchoServer echo = new RunningEchoServer("")) {
            String output = echo.consoleOutput();

            assertThat(output).containsSubsequence("Subscribed to Redis pattern laravel_database_*",
                    "✔  Listening for redis events...", "Server ready!");
        }
    }

    @Test
    void channelAndEventLinesHaveNoTimestamp() throws Exception {
        try (RunningEchoServer echo = new RunningEchoServer("")) {
            echo.publish("laravel_database_log_room",
                    "{\"event\":\"App\\\\Events\\\\Foo\",\"data\":{},\"socket\":null}");

            await().atMost(Duration.ofSeconds(10)).until(() -> echo.consoleOutput().contains("Event: "));
            assertThat(echo.consoleOutput())
                    .contains("\n✔  Channels are ready.\n")
                    .contains("\nChannel: laravel_database_log_room\nEvent: App\\Events\\Foo\n");
        }
    }
}
