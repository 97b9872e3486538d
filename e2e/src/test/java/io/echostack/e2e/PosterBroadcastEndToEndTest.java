package io.echostack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echostack.testsupport.FreePorts;
import io.echostack.testsupport.TestPostgres;
import io.echostack.testsupport.TestRedis;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The thin path through all three packaged services, each its own JVM, on a real Redis and PostgreSQL, watched by real
 * laravel-echo clients of both generations: one {@code POST /api/posters} reaches every client within 2 s.
 */
class PosterBroadcastEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration DELIVERY = Duration.ofSeconds(2);
    private static final String PROBE = ".e2e.probe";

    private static EchoStack stack;
    private final List<EchoClient> clients = new ArrayList<>();

    @BeforeAll
    static void startStack() {
        TestRedis redis = TestRedis.get();
        TestPostgres postgres = TestPostgres.get();
        Path module = Path.of("").toAbsolutePath();
        stack = EchoStack.start(new StackConfig(module.getParent(), module.resolve("target/e2e-run"), redis.host(),
                redis.port(), postgres.jdbcUrl(), postgres.username(), postgres.password(),
                FreePorts.next(), FreePorts.next(), FreePorts.next()));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(EchoClient::close);
    }

    @Test
    void onePosterReachesEveryClientGenerationOverEveryTransportWithin2Seconds() throws Exception {
        for (EchoGeneration generation : EchoGeneration.values()) {
            for (Transports transports : Transports.values()) {
                clients.add(listeningClient(generation, transports));
            }
        }
        awaitSubscribed(clients);

        JsonNode poster = createPoster("hi", null);

        for (EchoClient client : clients) {
            JsonNode data = client.awaitEvent("poster_room", ".backend_poster", DELIVERY).get("data");
            assertThat(data.path("msg").asText()).isEqualTo("海报☆hi☆已新增!");
            assertThat(data.path("data").path("id").asLong()).isEqualTo(poster.path("id").asLong());
            assertThat(data.path("data").path("title").asText()).isEqualTo("hi");
            assertThat(data.path("total").asLong()).isPositive();
            assertThat(data.path("month").asLong()).isPositive();
            assertThat(data.path("url").asText()).contains(poster.path("id").asText());
            assertThat(data.get("socket").isNull()).as("Laravel's copy of socket inside data").isTrue();
        }
    }

    @Test
    void theSenderNamedByXSocketIdIsSkipped() throws Exception {
        EchoClient sender = listeningClient(EchoGeneration.ECHO_2, Transports.WEBSOCKET);
        EchoClient other = listeningClient(EchoGeneration.ECHO_1, Transports.WEBSOCKET);
        clients.add(sender);
        clients.add(other);
        awaitSubscribed(clients);

        createPoster("to others", sender.awaitSocketId(DELIVERY));

        JsonNode data = other.awaitEvent("poster_room", ".backend_poster", DELIVERY).get("data");
        assertThat(data.path("data").path("title").asText()).isEqualTo("to others");
        assertThat(data.path("socket").asText()).isEqualTo(sender.awaitSocketId(DELIVERY));
        // the probe proves the sender still listens; a broadcast after the skipped one arrives, the skipped one never
        probeUntilReceived(List.of(sender));
        assertThat(sender.events()).noneMatch(line -> line.path("event").asText().equals(".backend_poster"));
    }

    private EchoClient listeningClient(EchoGeneration generation, Transports transports) {
        return EchoClient.builder(generation, stack.config().echoUrl())
                .channel("poster_room").event(".backend_poster").event(PROBE)
                .transports(transports).start();
    }

    /** Subscribing is asynchronous: publish probes straight to Redis until every client has seen one. */
    private static void awaitSubscribed(List<EchoClient> clients) throws Exception {
        for (EchoClient client : clients) {
            client.awaitSocketId(Duration.ofSeconds(20));
        }
        probeUntilReceived(clients);
    }

    private static void probeUntilReceived(List<EchoClient> clients) throws Exception {
        RedisClient redisClient = RedisClient.create(TestRedis.get().url());
        try (StatefulRedisConnection<String, String> connection = redisClient.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int nextProbe = 0;
            while (System.nanoTime() < deadline) {
                int probeId = nextProbe++;
                redis.publish("laravel_database_poster_room",
                        "{\"event\":\"e2e.probe\",\"data\":{\"n\":" + probeId + "},\"socket\":null}");
                Thread.sleep(200);
                if (clients.stream().allMatch(client -> client.events().stream()
                        .anyMatch(line -> line.path("event").asText().equals(PROBE)
                                && line.path("data").path("n").asInt() == probeId))) {
                    return;
                }
            }
            throw new AssertionError("clients never received a probe: " + clients.stream().map(EchoClient::lines).toList());
        } finally {
            redisClient.shutdown();
        }
    }

    private static JsonNode createPoster(String title, String socketId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.config().apiUrl() + "/api/posters"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + AdminLogin.token(stack.config().apiUrl()))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("title", title))));
        if (socketId != null) {
            request.header("X-Socket-ID", socketId);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
