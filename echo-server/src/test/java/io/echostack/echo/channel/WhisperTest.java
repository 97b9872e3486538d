package io.echostack.echo.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whispers (client events) between real laravel-echo clients of both generations. */
class WhisperTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHANNEL = "private-App.Models.User.1";
    private static LaravelAuthEndpoint laravel;
    private static RunningEchoServer echo;

    @BeforeAll
    static void start() throws Exception {
        laravel = new LaravelAuthEndpoint();
        echo = new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\",");
    }

    @AfterAll
    static void stop() throws Exception {
        echo.close();
        laravel.close();
    }

    @Test
    void aWhisperReachesTheRoomExceptItsSenderAndRefusedOnesReachNobody() {
        try (EchoClient sender = member(EchoGeneration.ECHO_1, Transports.WEBSOCKET);
             EchoClient polling = member(EchoGeneration.ECHO_1, Transports.POLLING);
             EchoClient echo2 = member(EchoGeneration.ECHO_2, Transports.WEBSOCKET);
             EchoClient outsider = EchoClient.builder(EchoGeneration.ECHO_2, echo.url()).channel("public_whisper_room")
                     .transports(Transports.WEBSOCKET).start()) {
            String senderId = sender.awaitSocketId(WAIT);
            String outsiderId = outsider.awaitSocketId(WAIT);
            echo.awaitSubscribers(CHANNEL, 3);
            echo.awaitSubscribers("public_whisper_room", 1);

            String data = "{\"n\":1,\"zeta\":\"z\",\"alpha\":{\"y\":1,\"b\":[2,{\"k\":3,\"a\":4}]},\"name\":\"User 1\"}";
            sender.command("whisper " + CHANNEL + " typing " + data);
            for (EchoClient receiver : List.of(polling, echo2)) {
                JsonNode whisper = receiver.awaitType("whisper", WAIT);
                assertThat(whisper.path("channel").asText()).isEqualTo(CHANNEL);
                // The sender's key order, as laravel-echo-server relays it (socket.io-server's org.json loses it).
                assertThat(whisper.path("data").toString()).isEqualTo(data);
            }

            // Refused: not in the room, a public channel, not client-*, too large. A JSON-string payload is accepted.
            outsider.command("emit \"client event\" {\"channel\":\"" + CHANNEL + "\",\"event\":\"client-typing\",\"data\":{\"n\":2}}");
            outsider.command("emit \"client event\" {\"channel\":\"public_whisper_room\",\"event\":\"client-typing\",\"data\":{\"n\":3}}");
            sender.command("emit \"client event\" {\"channel\":\"" + CHANNEL + "\",\"event\":\"typing\",\"data\":{\"n\":4}}");
            sender.command("whisper " + CHANNEL + " typing {\"n\":5,\"pad\":\"" + "x".repeat(11_000) + "\"}");
            sender.command("emit \"client event\" null");
            sender.command("emit \"client event\" \"{\\\"channel\\\":\\\"" + CHANNEL
                    + "\\\",\\\"event\\\":\\\"client-typing\\\",\\\"data\\\":{\\\"n\\\":6}}\"");

            for (EchoClient receiver : List.of(polling, echo2)) {
                receiver.await(line -> "whisper".equals(line.path("type").asText())
                        && line.path("data").path("n").asInt() == 6, WAIT);
                assertThat(receiver.lines()).filteredOn(line -> "whisper".equals(line.path("type").asText()))
                        .extracting(line -> line.path("data").path("n").asInt()).containsExactly(1, 6);
            }
            echo.publish("laravel_database_" + CHANNEL, "{\"event\":\"backend_poster\",\"data\":{},\"socket\":null}");
            sender.awaitEvent(CHANNEL, ".backend_poster", WAIT);
            assertThat(sender.lines()).noneMatch(line -> "whisper".equals(line.path("type").asText()));
            assertThat(echo.consoleOutput())
                    .contains(outsiderId + " sent client event client-typing on " + CHANNEL + " without being in it")
                    .contains(outsiderId + " sent client event client-typing on public_whisper_room: only client-*")
                    .contains(senderId + " sent client event typing on " + CHANNEL + ": only client-*")
                    .contains("larger than 10240 bytes: dropped");
        }
    }

    private static EchoClient member(EchoGeneration generation, Transports transports) {
        return EchoClient.builder(generation, echo.url()).channel(CHANNEL).transports(transports)
                .authHeader("Authorization", "Bearer user-1").whisperEvent("typing").start();
    }
}
