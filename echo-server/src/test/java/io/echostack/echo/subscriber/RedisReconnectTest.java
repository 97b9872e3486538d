package io.echostack.echo.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.TestRedis;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** After Redis restarts, Lettuce reconnects and re-subscribes by itself, and broadcasts flow again. */
class RedisReconnectTest {

    @Test
    void broadcastsResumeAfterARedisRestart() throws Exception {
        assumeThat(TestRedis.get().isEmbedded()).as("only an embedded Redis can be restarted").isTrue();
        try (RunningEchoServer echo = new RunningEchoServer("");
             EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, echo.url())
                     .channel("reconnect_room").transports(Transports.WEBSOCKET).start()) {
            client.awaitSocketId(Duration.ofSeconds(20));
            echo.awaitSubscribers("reconnect_room", 1);

            TestRedis.get().restart();

            // Messages published before the PSUBSCRIBE is re-issued are lost (pub/sub has no backlog): keep publishing.
            AtomicInteger sent = new AtomicInteger();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                echo.publish("laravel_database_reconnect_room",
                        "{\"event\":\"backend_poster\",\"data\":{\"n\":" + sent.incrementAndGet() + "},\"socket\":null}");
                return !client.events().isEmpty();
            });
            assertThat(echo.consoleOutput()).contains("Redis connection lost").contains("Reconnected to Redis");
        }
    }
}
