package io.echostack.echo.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subscribe/unsubscribe, sender exclusion and bad input, with real laravel-echo clients and a real Redis. */
class ChannelBehaviourTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @Test
    void theSenderSocketIsExcludedAndEveryoneElseReceives() {
        try (EchoClient sender = client(EchoGeneration.ECHO_1, "exclusion_room", Transports.WEBSOCKET);
             EchoClient other1 = client(EchoGeneration.ECHO_1, "exclusion_room", Transports.POLLING);
             EchoClient other2 = client(EchoGeneration.ECHO_2, "exclusion_room", Transports.DEFAULT)) {
            String senderId = sender.awaitSocketId(WAIT);
            other1.awaitSocketId(WAIT);
            other2.awaitSocketId(WAIT);
            echo.awaitSubscribers("exclusion_room", 3);

            echo.publish("laravel_database_exclusion_room", message("backend_poster", "{\"n\":1}", senderId));
            echo.publish("laravel_database_exclusion_room", message("backend_poster", "{\"n\":2}", null));

            for (EchoClient other : new EchoClient[] {other1, other2}) {
                other.await(line -> line.path("data").path("n").asInt() == 2, WAIT);
                assertThat(numbers(other)).containsExactly(1, 2);
            }
            // Redis delivers in order, so once n=2 arrived, n=1 was withheld, not late.
            sender.await(line -> line.path("data").path("n").asInt() == 2, WAIT);
            assertThat(numbers(sender)).containsExactly(2);
        }
    }

    @Test
    void theEchoTwoSocketIdIsExcludedToo() {
        try (EchoClient sender = client(EchoGeneration.ECHO_2, "exclusion_room_2", Transports.WEBSOCKET);
             EchoClient other = client(EchoGeneration.ECHO_2, "exclusion_room_2", Transports.WEBSOCKET)) {
            String senderId = sender.awaitSocketId(WAIT);
            other.awaitSocketId(WAIT);
            echo.awaitSubscribers("exclusion_room_2", 2);

            echo.publish("laravel_database_exclusion_room_2", message("backend_poster", "{\"n\":1}", senderId));
            echo.publish("laravel_database_exclusion_room_2", message("backend_poster", "{\"n\":2}", null));

            other.await(line -> line.path("data").path("n").asInt() == 2, WAIT);
            sender.await(line -> line.path("data").path("n").asInt() == 2, WAIT);
            assertThat(numbers(other)).containsExactly(1, 2);
            assertThat(numbers(sender)).containsExactly(2);
        }
    }

    @Test
    void malformedMessagesOnTheChannelAreDroppedAndDeliveryGoesOn() {
        try (EchoClient client = client(EchoGeneration.ECHO_2, "garbage_room", Transports.WEBSOCKET)) {
            client.awaitSocketId(WAIT);
            echo.awaitSubscribers("garbage_room", 1);

            echo.publish("laravel_database_garbage_room", "this is not JSON");
            echo.publish("laravel_database_garbage_room", "[1,2,3]");
            echo.publish("laravel_database_garbage_room", "{\"data\":{\"n\":0}}");
            echo.publish("laravel_database_garbage_room", "{\"event\":42,\"data\":{}}");
            echo.publish("laravel_database_garbage_room", "{\"event\":\"backend_poster\",\"data\":{\"n\":");
            echo.publish("laravel_database_garbage_room", message("backend_poster", "{\"n\":0}", null) + " trailing");
            echo.publish("laravel_database_garbage_room", message("backend_poster", "{\"n\":1}", null));
            // Valid, if unlike Laravel's: members in another order, a lone surrogate escape in a string, a socket that
            // is no string (it excludes nobody, as laravel-echo-server finds no socket by it).
            echo.publish("laravel_database_garbage_room", "{\"data\":{\"n\":2},\"socket\":null,\"event\":\"backend_poster\"}");
            echo.publish("laravel_database_garbage_room", message("backend_poster", "{\"n\":3,\"s\":\"\\ud800\"}", null));
            echo.publish("laravel_database_garbage_room", "{\"event\":\"backend_poster\",\"data\":{\"n\":4},\"socket\":{}}");

            client.await(line -> line.path("data").path("n").asInt() == 4, WAIT);
            assertThat(numbers(client)).containsExactly(1, 2, 3, 4);
            assertThat(echo.consoleOutput()).contains("No JSON message on laravel_database_garbage_room");
        }
    }

    @Test
    void unsubscribeLeavesTheRoom() {
        try (EchoClient client = client(EchoGeneration.ECHO_1, "leave_room", Transports.WEBSOCKET)) {
            String id = client.awaitSocketId(WAIT);
            echo.awaitSubscribers("leave_room", 1);

            client.command("leave leave_room");

            echo.awaitSubscribers("leave_room", 0);
            assertThat(echo.consoleOutput()).contains(id + " left channel: leave_room (unsubscribed)");
        }
    }

    @Test
    void aDisconnectLeavesEveryChannel() {
        String id;
        try (EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, echo.url())
                .channel("gone_room_a").channel("gone_room_b").transports(Transports.WEBSOCKET).start()) {
            id = client.awaitSocketId(WAIT);
            echo.awaitSubscribers("gone_room_a", 1);
            echo.awaitSubscribers("gone_room_b", 1);
        }

        echo.awaitSubscribers("gone_room_a", 0);
        echo.awaitSubscribers("gone_room_b", 0);
        assertThat(echo.consoleOutput())
                .contains(id + " left channel: gone_room_a (")
                .contains(id + " left channel: gone_room_b (");
    }

    @Test
    void privateAndPresenceChannelsAreNotJoinedWithoutLaravelsConsent() {
        try (EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, echo.url())
                .channel("private-App.Models.User.1").channel("presence-chat.1").channel("open_room")
                .transports(Transports.WEBSOCKET).start()) {
            client.awaitSocketId(WAIT);
            echo.awaitSubscribers("open_room", 1);
            // No auth endpoint answers at the default authHost in this test: the auth request fails.
            client.await(line -> "subscription_error".equals(line.path("type").asText())
                    && "presence-chat.1".equals(line.path("channel").asText()), WAIT);
            client.await(line -> "subscription_error".equals(line.path("type").asText())
                    && "private-App.Models.User.1".equals(line.path("channel").asText()), WAIT);

            assertThat(echo.server().subscriberCount("private-App.Models.User.1")).isZero();
            assertThat(echo.server().subscriberCount("presence-chat.1")).isZero();
        }
    }

    @Test
    void badSubscribePayloadsAreIgnoredAndTheSocketStaysUsable() {
        try (EchoClient client = EchoClient.builder(EchoGeneration.ECHO_1, echo.url())
                .transports(Transports.WEBSOCKET).start()) {
            String id = client.awaitSocketId(WAIT);

            client.command("emit subscribe null");
            client.command("emit subscribe");
            client.command("emit subscribe \"bad_room\"");
            client.command("emit subscribe {\"channel\":42}");
            client.command("emit unsubscribe null");
            client.command("emit subscribe {\"channel\":\"raw_room\",\"auth\":{\"headers\":{}}}");

            echo.awaitSubscribers("raw_room", 1);
            assertThat(echo.server().subscriberCount("bad_room")).isZero();
            assertThat(echo.consoleOutput()).contains(id + " sent subscribe without a channel");
            assertThat(client.lines()).noneMatch(line -> line.path("type").asText().equals("disconnected"));
        }
    }

    private static EchoClient client(EchoGeneration generation, String channel, Transports transports) {
        return EchoClient.builder(generation, echo.url()).channel(channel).transports(transports).start();
    }

    private static String message(String event, String data, String socket) {
        return "{\"event\":\"" + event + "\",\"data\":" + data + ",\"socket\":"
                + (socket == null ? "null" : "\"" + socket + "\"") + "}";
    }

    private static List<Integer> numbers(EchoClient client) {
        return client.events().stream().map(line -> line.path("data")).map(data -> data.path("n").asInt()).toList();
    }
}
