package io.echostack.echo.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Presence channels with real laravel-echo clients of both generations, a real auth endpoint and the real Redis. */
class PresenceChannelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OWNED = "laravel_database_echo-server:presence:owned";
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
    void joiningAndLeavingWithTheReferencePayloads() {
        String channel = "presence-chat.10";
        try (EchoClient one = user(EchoGeneration.ECHO_1, channel, 1, Transports.WEBSOCKET)) {
            String oneId = one.awaitSocketId(WAIT);
            JsonNode alone = raw(one, "presence:subscribed", WAIT);
            assertThat(alone.path("payload").toString()).isEqualTo(
                    "[{\"user_id\":1,\"user_info\":{\"id\":1,\"name\":\"User 1\"},\"socketId\":\"" + oneId + "\"}]");
            String twoId;
            try (EchoClient two = user(EchoGeneration.ECHO_2, channel, 2, Transports.POLLING)) {
                twoId = two.awaitSocketId(WAIT);
                JsonNode both = raw(two, "presence:subscribed", WAIT);
                assertThat(both.path("payload")).extracting(m -> m.path("user_id").asInt()).containsExactly(2, 1);
                assertThat(two.awaitType("here", WAIT).path("members").toString()).isEqualTo(
                        "[{\"id\":2,\"name\":\"User 2\"},{\"id\":1,\"name\":\"User 1\"}]");

                JsonNode joining = raw(one, "presence:joining", WAIT);
                assertThat(joining.path("channel").asText()).isEqualTo(channel);
                assertThat(joining.path("payload").toString()).isEqualTo(
                        "{\"user_id\":2,\"user_info\":{\"id\":2,\"name\":\"User 2\"},\"socketId\":\"" + twoId + "\"}");
                assertThat(one.awaitType("joining", WAIT).path("member").path("name").asText()).isEqualTo("User 2");
                assertThat(members(channel).userCount()).isEqualTo(2);
            }
            JsonNode leaving = raw(one, "presence:leaving", WAIT);
            assertThat(leaving.path("payload").toString())
                    .isEqualTo("{\"user_id\":2,\"user_info\":{\"id\":2,\"name\":\"User 2\"}}");
            assertThat(members(channel).hasUser("2", null)).isFalse();
        }
        await().atMost(WAIT).until(() -> members(channel).entries().isEmpty());
    }

    @Test
    void twoConcurrentJoinsOfDifferentUsersBothEndUpInTheKey() {
        String channel = "presence-chat.11";
        try (EchoClient three = user(EchoGeneration.ECHO_1, channel, 3, Transports.WEBSOCKET);
             EchoClient four = user(EchoGeneration.ECHO_2, channel, 4, Transports.WEBSOCKET)) {
            raw(three, "presence:subscribed", WAIT);
            raw(four, "presence:subscribed", WAIT);
            PresenceMembers members = members(channel);
            assertThat(members.users()).extracting(u -> u.path("id").asInt()).containsExactlyInAnyOrder(3, 4);
        }
    }

    @Test
    void aSecondTabOfTheSameUserIsNeitherJoiningNorLeaving() {
        String channel = "presence-chat.12";
        try (EchoClient observer = user(EchoGeneration.ECHO_2, channel, 6, Transports.WEBSOCKET)) {
            raw(observer, "presence:subscribed", WAIT);
            try (EchoClient tab1 = user(EchoGeneration.ECHO_1, channel, 5, Transports.WEBSOCKET)) {
                raw(tab1, "presence:subscribed", WAIT);
                raw(observer, "presence:joining", WAIT);
                try (EchoClient tab2 = user(EchoGeneration.ECHO_2, channel, 5, Transports.WEBSOCKET)) {
                    JsonNode tabs = raw(tab2, "presence:subscribed", WAIT);
                    assertThat(tabs.path("payload")).extracting(m -> m.path("user_id").asInt()).containsExactly(5, 6);
                    assertThat(members(channel).entries()).hasSize(3);
                }
                await().atMost(WAIT).until(() -> members(channel).entries().size() == 2);
                marker(observer, channel, 1);
                assertThat(count(observer, "presence:joining")).isEqualTo(1);
                assertThat(count(observer, "presence:leaving")).isZero();
            }
            raw(observer, "presence:leaving", WAIT);
        }
    }

    /** Echo re-subscribing while a buffered subscribe arrives: one socket joins twice, the others see one joining. */
    @Test
    void aSocketJoiningTwiceIsOneJoiningAndOneLeaving() {
        String channel = "presence-chat.14";
        try (EchoClient observer = user(EchoGeneration.ECHO_1, channel, 6, Transports.WEBSOCKET)) {
            raw(observer, "presence:subscribed", WAIT);
            try (EchoClient twice = user(EchoGeneration.ECHO_2, channel, 7, Transports.WEBSOCKET)) {
                raw(twice, "presence:subscribed", WAIT);
                twice.command("emit subscribe {\"channel\":\"" + channel
                        + "\",\"auth\":{\"headers\":{\"Authorization\":\"Bearer user-7\"}}}");
                await().atMost(WAIT).until(() -> count(twice, "presence:subscribed") == 2);
                marker(observer, channel, 1);
                assertThat(count(observer, "presence:joining")).isEqualTo(1);
                assertThat(members(channel).entries()).hasSize(2);
            }
            raw(observer, "presence:leaving", WAIT);
            marker(observer, channel, 2);
            assertThat(count(observer, "presence:leaving")).isEqualTo(1);
            assertThat(members(channel).hasUser("7", null)).isFalse();
        }
    }

    /**
     * Members a stopped laravel-echo-server left behind (in the list, in no instance's registry) go at the next join:
     * the joiner's list leaves them out, those who may list them get {@code presence:leaving}, and the user's real
     * join is a {@code presence:joining} again.
     */
    @Test
    void membersNoRunningServerOwnsAreDroppedAtTheNextJoin() {
        String channel = "presence-chat.15";
        try (EchoClient observer = user(EchoGeneration.ECHO_2, channel, 2, Transports.WEBSOCKET)) {
            raw(observer, "presence:subscribed", WAIT);
            String key = "laravel_database_" + channel + ":members";
            echo.redis().set(key, "[{\"user_id\":3,\"user_info\":{\"id\":3,\"name\":\"User 3\"},"
                    + "\"socketId\":\"lesGhostSocket3AAAA\"}," + echo.redis().get(key).substring(1));
            try (EchoClient joiner = user(EchoGeneration.ECHO_1, channel, 1, Transports.WEBSOCKET)) {
                JsonNode subscribed = raw(joiner, "presence:subscribed", WAIT);
                assertThat(subscribed.path("payload")).extracting(m -> m.path("user_id").asInt()).containsExactly(1, 2);
                assertThat(raw(observer, "presence:leaving", WAIT).path("payload").toString())
                        .isEqualTo("{\"user_id\":3,\"user_info\":{\"id\":3,\"name\":\"User 3\"}}");
                try (EchoClient ghostUser = user(EchoGeneration.ECHO_2, channel, 3, Transports.POLLING)) {
                    raw(ghostUser, "presence:subscribed", WAIT);
                    assertThat(raw(joiner, "presence:joining", WAIT).path("payload").path("user_id").asInt())
                            .isEqualTo(3);
                    assertThat(members(channel).userCount()).isEqualTo(3);
                }
            }
        }
    }

    /** laravel-echo-server issue 509: unsubscribe from a presence channel never joined crashed the server. */
    @Test
    void leavingAPresenceChannelWithoutAMemberNeitherCrashesNorCreatesAKey() {
        try (EchoClient client = user(EchoGeneration.ECHO_1, "presence-no-data.1", 1, Transports.WEBSOCKET)) {
            String id = client.awaitSocketId(WAIT);
            echo.awaitSubscribers("presence-no-data.1", 1);
            client.command("emit unsubscribe {\"channel\":\"presence-never-joined.1\"}");
            client.command("leave presence-no-data.1");
            client.command("emit unsubscribe {\"channel\":\"presence-no-data.1\"}");
            client.command("listen still_alive_room");
            echo.awaitSubscribers("still_alive_room", 1);
            echo.publish("laravel_database_still_alive_room", "{\"event\":\"backend_poster\",\"data\":{\"n\":1},\"socket\":null}");
            client.awaitEvent("still_alive_room", ".backend_poster", WAIT);

            assertThat(echo.redis().exists("laravel_database_presence-never-joined.1:members")).isZero();
            assertThat(echo.redis().exists("laravel_database_presence-no-data.1:members")).isZero();
            assertThat(echo.consoleOutput())
                    .contains("\nUnable to join channel. Member data for presence channel missing\n")
                    .contains(id + " left presence-never-joined.1 without being a member");
        }
    }

    @Test
    void channelDataAsAJsonStringIsAMemberToo() {
        try (EchoClient client = user(EchoGeneration.ECHO_2, "presence-pusher.1", 9, Transports.WEBSOCKET)) {
            JsonNode subscribed = raw(client, "presence:subscribed", WAIT);
            assertThat(subscribed.path("payload").get(0).path("user_info").path("name").asText()).isEqualTo("User 9");
        }
    }

    @Test
    void staleMembersOfThisInstanceArePurgedAtStartAndOwnMembersAtCloseAndChangesArePublished() throws Exception {
        String key = "laravel_database_presence-chat.13:members";
        String foreign = "{\"user_id\":99,\"user_info\":{},\"socketId\":\"other-instance\"}";
        echo.redis().set(key, "[" + foreign + ",{\"user_id\":1,\"user_info\":{},\"socketId\":\"crashed\"}]");
        echo.redis().sadd("laravel_database_echo-server:stale-test:presence", "crashed presence-chat.13");
        echo.redis().sadd(OWNED, "other-instance presence-chat.13"); // a member of another running instance
        var updates = new LinkedBlockingQueue<String>();
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(
                io.echostack.testsupport.TestRedis.get().url());
        try (var sub = client.connectPubSub()) {
            sub.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    updates.add(message);
                }
            });
            sub.sync().subscribe("PresenceChannelUpdated");
            try (RunningEchoServer restarted = new RunningEchoServer("\"authHost\": \"" + laravel.url()
                    + "\", \"presenceInstanceId\": \"stale-test\",", "\"publishPresence\": true,")) {
                assertThat(echo.redis().get(key)).isEqualTo("[" + foreign + "]");
                assertThat(restarted.consoleOutput()).contains("Removed 1 stale presence member(s) of a previous run.");
                assertThat(updates.poll(5, TimeUnit.SECONDS))
                        .isEqualTo("{\"event\":{\"channel\":\"presence-chat.13:members\",\"members\":[" + foreign + "]}}");

                try (EchoClient member = EchoClient.builder(EchoGeneration.ECHO_1, restarted.url())
                        .channel("presence-chat.13").authHeader("Authorization", "Bearer user-2")
                        .transports(Transports.WEBSOCKET).start()) {
                    raw(member, "presence:subscribed", WAIT);
                    assertThat(updates.poll(5, TimeUnit.SECONDS)).contains("\"user_id\":2");
                    // The server stops with the client still connected: its member must go with it.
                    restarted.close();
                }
            }
        } finally {
            client.shutdown();
        }
        assertThat(echo.redis().get(key)).isEqualTo("[" + foreign + "]");
    }

    private static EchoClient user(EchoGeneration generation, String channel, int user, Transports transports) {
        return EchoClient.builder(generation, echo.url()).channel(channel)
                .authHeader("Authorization", "Bearer user-" + user).transports(transports).start();
    }

    private static JsonNode raw(EchoClient client, String event, Duration wait) {
        return client.await(line -> "raw".equals(line.path("type").asText())
                && event.equals(line.path("event").asText()), wait);
    }

    private static long count(EchoClient client, String event) {
        Predicate<JsonNode> matches = line -> "raw".equals(line.path("type").asText())
                && event.equals(line.path("event").asText());
        return client.lines().stream().filter(matches).count();
    }

    /** A broadcast after everything before it: once it arrived, earlier emits have arrived too. */
    private static void marker(EchoClient client, String channel, int n) {
        echo.publish("laravel_database_" + channel, "{\"event\":\"backend_poster\",\"data\":{\"n\":" + n + "},\"socket\":null}");
        client.awaitEvent(channel, ".backend_poster", WAIT);
    }

    private static PresenceMembers members(String channel) {
        return PresenceMembers.parse(echo.redis().get("laravel_database_" + channel + ":members"));
    }
}
