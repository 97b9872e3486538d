package io.echostack.echo.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.support.PublishCapture;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.events.json.Json;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laravel's captured PUBLISHes reach real laravel-echo clients of both generations over every transport, with
 * exactly the published data.
 */
class BroadcastDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    static Stream<Arguments> clients() {
        return Stream.of(EchoGeneration.values())
                .flatMap(generation -> Stream.of(Transports.values()).map(t -> Arguments.of(generation, t)));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("clients")
    void deliversTheCapturedPosterBroadcast(EchoGeneration generation, Transports transports) throws Exception {
        PublishCapture poster = PublishCapture.find("laravel_database_poster_room", "backend_poster");
        PublishCapture ping = PublishCapture.find("laravel_database_poster_room", "multi.ping");

        try (EchoClient client = EchoClient.builder(generation, echo.url())
                .channel("poster_room").event(".backend_poster").event(".multi.ping")
                .transports(transports).start()) {
            client.awaitSocketId(WAIT);
            echo.awaitSubscribers("poster_room", 1);

            echo.publish(poster);
            // Carries socket "abc123.456", which is not connected here: nobody is excluded.
            echo.publish(ping);

            JsonNode received = client.awaitEvent("poster_room", ".backend_poster", WAIT).get("data");
            assertThat(received).isEqualTo(dataOf(poster));
            // Laravel's key order survives (JSON equality above ignores it).
            assertThat(received.toString()).isEqualTo(dataOf(poster).toString());
            assertThat(client.awaitEvent("poster_room", ".multi.ping", WAIT).get("data")).isEqualTo(dataOf(ping));
            assertThat(client.events()).hasSize(2);
        }
        echo.awaitSubscribers("poster_room", 0);
    }

    private static JsonNode dataOf(PublishCapture capture) throws Exception {
        return Json.mapper().readTree(capture.message()).get("data");
    }
}
