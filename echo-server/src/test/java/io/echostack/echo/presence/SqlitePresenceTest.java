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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code "database": "sqlite"} with real laravel-echo clients: the reference's payloads, and the members in
 * laravel-echo-server's SQLite layout ({@code key_value}, key {@code presence-<channel>:members}) at
 * {@code <cwd> + databasePath}. Nothing goes to Redis.
 */
class SqlitePresenceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DATABASE_PATH = "/target/sqlite-presence/" + UUID.randomUUID() + ".sqlite";
    private static LaravelAuthEndpoint laravel;
    private static RunningEchoServer echo;

    @BeforeAll
    static void start() throws Exception {
        laravel = new LaravelAuthEndpoint();
        echo = sqliteServer("");
    }

    @AfterAll
    static void stop() throws Exception {
        echo.close();
        laravel.close();
    }

    private static RunningEchoServer sqliteServer(String extraKeys) throws Exception {
        return new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\", \"database\": \"sqlite\", "
                        + "\"clients\": [{\"appId\": \"app\", \"key\": \"k\"}], " + extraKeys,
                "\"sqlite\": {\"databasePath\": \"" + DATABASE_PATH + "\"},");
    }

    @Test
    void theFileIsTheWorkingDirectoryAndDatabasePathConcatenatedAsTheReferenceDoes() {
        Path file = Path.of(System.getProperty("user.dir") + DATABASE_PATH);
        assertThat(file).exists();
        assertThat(echo.consoleOutput()).contains("Presence members are kept in SQLite: " + file);
    }

    @Test
    void joiningAndLeavingWithTheReferencePayloadsAndTheMembersInTheFile() throws Exception {
        String channel = "presence-chat.20";
        try (EchoClient one = user(EchoGeneration.ECHO_1, channel, 1, Transports.WEBSOCKET)) {
            String oneId = one.awaitSocketId(WAIT);
            assertThat(raw(one, "presence:subscribed").path("payload").toString()).isEqualTo(
                    "[{\"user_id\":1,\"user_info\":{\"id\":1,\"name\":\"User 1\"},\"socketId\":\"" + oneId + "\"}]");
            try (EchoClient two = user(EchoGeneration.ECHO_2, channel, 2, Transports.POLLING)) {
                String twoId = two.awaitSocketId(WAIT);
                assertThat(raw(two, "presence:subscribed").path("payload"))
                        .extracting(m -> m.path("user_id").asInt()).containsExactly(2, 1);
                assertThat(raw(one, "presence:joining").path("payload").path("socketId").asText()).isEqualTo(twoId);

                assertThat(stored(channel)).isEqualTo(
                        "[{\"user_id\":1,\"user_info\":{\"id\":1,\"name\":\"User 1\"},\"socketId\":\"" + oneId + "\"},"
                        + "{\"user_id\":2,\"user_info\":{\"id\":2,\"name\":\"User 2\"},\"socketId\":\"" + twoId + "\"}]");
            }
            assertThat(raw(one, "presence:leaving").path("payload").toString())
                    .isEqualTo("{\"user_id\":2,\"user_info\":{\"id\":2,\"name\":\"User 2\"}}");
            assertThat(stored(channel)).isEqualTo(
                    "[{\"user_id\":1,\"user_info\":{\"id\":1,\"name\":\"User 1\"},\"socketId\":\"" + oneId + "\"}]");
        }
        await().atMost(WAIT).until(() -> "[]".equals(stored(channel)));
        assertThat(echo.redis().exists("laravel_database_" + channel + ":members")).isZero();
    }

    @Test
    void twoConcurrentJoinsOfDifferentUsersBothEndUpInTheFile() {
        String channel = "presence-chat.21";
        try (EchoClient three = user(EchoGeneration.ECHO_1, channel, 3, Transports.WEBSOCKET);
             EchoClient four = user(EchoGeneration.ECHO_2, channel, 4, Transports.WEBSOCKET)) {
            raw(three, "presence:subscribed");
            raw(four, "presence:subscribed");
            assertThat(PresenceMembers.parse(stored(channel)).users()).extracting(u -> u.path("id").asInt())
                    .containsExactlyInAnyOrder(3, 4);
            // The HTTP API reads the same store.
            assertThat(httpGet(echo.url() + "/apps/app/channels/" + channel + "?auth_key=k"))
                    .isEqualTo("{\"subscription_count\":2,\"occupied\":true,\"user_count\":2}");
        }
    }

    /** laravel-echo-server issue 509 on the SQLite store: no crash, no row created. */
    @Test
    void leavingAPresenceChannelNeverJoinedCreatesNoRow() {
        try (EchoClient client = user(EchoGeneration.ECHO_2, "presence-chat.22", 5, Transports.WEBSOCKET)) {
            raw(client, "presence:subscribed");
            client.command("emit unsubscribe {\"channel\":\"presence-never-joined.2\"}");
            client.command("emit unsubscribe null");
            client.command("listen still_alive_sqlite");
            echo.awaitSubscribers("still_alive_sqlite", 1);
            assertThat(stored("presence-never-joined.2")).isNull();
        }
    }

    @Test
    void staleMembersOfThisInstanceArePurgedAtStartAndOwnMembersAtClose() throws Exception {
        String channel = "presence-chat.23";
        String foreign = "{\"user_id\":99,\"user_info\":{},\"socketId\":\"other-instance\"}";
        put(channel + ":members", "[" + foreign + ",{\"user_id\":1,\"user_info\":{},\"socketId\":\"crashed\"}]");
        put("echo-server:sqlite-stale:presence", "[\"crashed " + channel + "\"]");
        put("echo-server:sqlite-other:presence", "[\"other-instance " + channel + "\"]"); // a running instance's
        try (RunningEchoServer restarted = sqliteServer("\"presenceInstanceId\": \"sqlite-stale\",")) {
            assertThat(stored(channel)).isEqualTo("[" + foreign + "]");
            assertThat(restarted.consoleOutput()).contains("Removed 1 stale presence member(s) of a previous run.");
            try (EchoClient member = EchoClient.builder(EchoGeneration.ECHO_1, restarted.url()).channel(channel)
                    .authHeader("Authorization", "Bearer user-2").transports(Transports.WEBSOCKET).start()) {
                raw(member, "presence:subscribed");
                assertThat(PresenceMembers.parse(stored(channel)).hasUser("2", null)).isTrue();
                restarted.close();
            }
        }
        assertThat(stored(channel)).isEqualTo("[" + foreign + "]");
    }

    private static String httpGet(String url) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EchoClient user(EchoGeneration generation, String channel, int user, Transports transports) {
        return EchoClient.builder(generation, echo.url()).channel(channel)
                .authHeader("Authorization", "Bearer user-" + user).transports(transports).start();
    }

    private static JsonNode raw(EchoClient client, String event) {
        return client.await(line -> "raw".equals(line.path("type").asText())
                && event.equals(line.path("event").asText()), WAIT);
    }

    /** The value of {@code <channel>:members} as another program reading the file sees it. */
    private static String stored(String channel) {
        try (Connection db = open();
             PreparedStatement select = db.prepareStatement("SELECT value FROM key_value WHERE key = ?")) {
            select.setString(1, channel + ":members");
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(String key, String value) throws Exception {
        try (Connection db = open();
             PreparedStatement upsert = db.prepareStatement("INSERT OR REPLACE INTO key_value (key, value) VALUES (?, ?)")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.executeUpdate();
        }
    }

    private static Connection open() throws SQLException {
        Path file = Path.of(System.getProperty("user.dir") + DATABASE_PATH);
        assertThat(Files.exists(file)).isTrue();
        Properties settings = new Properties();
        settings.setProperty("busy_timeout", "5000");
        return DriverManager.getConnection("jdbc:sqlite:" + file, settings);
    }
}
