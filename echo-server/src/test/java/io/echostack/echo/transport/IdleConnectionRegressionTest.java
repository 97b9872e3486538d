package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Regression for engine.io-server 6.3.2 bug 1: after a polling→websocket upgrade the server pings EIO3 clients,
 * which never answer, and with the library's 25 s / 20 s heartbeat every socket.io-client 2.x was dropped after
 * 45 s. Idle clients of both generations on every transport must stay connected for two minutes — longer than that
 * window and than a whole heartbeat cycle (85 s) — and still receive broadcasts afterwards.
 */
class IdleConnectionRegressionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration IDLE = Duration.ofSeconds(125);
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @Test
    void idleClientsStayConnectedPastTheHeartbeatWindow() throws Exception {
        List<EchoClient> clients = new ArrayList<>();
        List<EchoClient> upgrading = new ArrayList<>();
        try {
            for (EchoGeneration generation : EchoGeneration.values()) {
                for (int i = 0; i < 2; i++) {
                    upgrading.add(start(generation, Transports.DEFAULT));
                }
                clients.add(start(generation, Transports.WEBSOCKET));
                clients.add(start(generation, Transports.POLLING));
            }
            clients.addAll(upgrading);
            for (EchoClient client : upgrading) {
                client.awaitType("upgraded", WAIT);
            }
            echo.awaitSubscribers("idle_room", clients.size());

            Thread.sleep(IDLE.toMillis());

            for (EchoClient client : clients) {
                assertThat(client.lines()).as("lines of an idle client")
                        .noneMatch(line -> line.path("type").asText().equals("disconnected"));
            }
            assertThat(echo.server().subscriberCount("idle_room")).isEqualTo(clients.size());
            echo.publish("laravel_database_idle_room",
                    "{\"event\":\"backend_poster\",\"data\":{\"after\":\"idle\"},\"socket\":null}");
            for (EchoClient client : clients) {
                assertThat(client.awaitEvent("idle_room", ".backend_poster", WAIT).path("data").path("after").asText())
                        .isEqualTo("idle");
            }
        } finally {
            clients.forEach(EchoClient::close);
        }
    }

    private static EchoClient start(EchoGeneration generation, Transports transports) {
        EchoClient client = EchoClient.builder(generation, echo.url())
                .channel("idle_room").transports(transports).start();
        client.awaitSocketId(WAIT);
        return client;
    }
}
