package io.echostack.echo.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** maxChannelsPerSocket with a real laravel-echo client. */
class ChannelLimitTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aSubscriptionOverTheLimitIsRefusedWith429() throws Exception {
        try (RunningEchoServer echo = new RunningEchoServer("\"maxChannelsPerSocket\": 2,");
             EchoClient client = EchoClient.builder(EchoGeneration.ECHO_1, echo.url()).channel("limit_a")
                     .channel("limit_b").transports(Transports.WEBSOCKET).start()) {
            client.awaitSocketId(WAIT);
            echo.awaitSubscribers("limit_a", 1);
            echo.awaitSubscribers("limit_b", 1);

            client.command("listen limit_c");

            JsonNode refused = client.awaitType("subscription_error", WAIT);
            assertThat(refused.path("channel").asText()).isEqualTo("limit_c");
            assertThat(refused.path("status").asInt()).isEqualTo(429);
            assertThat(echo.server().subscriberCount("limit_c")).isZero();
            client.command("leave limit_a");
            echo.awaitSubscribers("limit_a", 0);
            client.command("listen limit_d");
            echo.awaitSubscribers("limit_d", 1);
        }
    }
}
