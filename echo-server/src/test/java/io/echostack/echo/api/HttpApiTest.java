package io.echostack.echo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.events.json.Json;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API and the HTTP publisher over real HTTP, with real laravel-echo clients in the channels. */
class HttpApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String APP = "/apps/app-1";
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LaravelAuthEndpoint laravel;
    private static RunningEchoServer echo;

    @BeforeAll
    static void start() throws Exception {
        laravel = new LaravelAuthEndpoint();
        echo = new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\", \"clients\": [{\"appId\": \"app-1\", "
                + "\"key\": \"" + KEY + "\"}], \"apiOriginAllow\": {\"allowCors\": true, \"allowOrigin\": "
                + "\"http://app.test\", \"allowMethods\": \"GET, POST\", \"allowHeaders\": \"Authorization\"},"
                + "\"headers\": {\"X-Frame-Options\": \"DENY\", \"X-Build\": 7},");
    }

    @AfterAll
    static void stop() throws Exception {
        echo.close();
        laravel.close();
    }

    @Test
    void everyRouteNeedsTheAppsKeyAsBearerOrAuthKey() throws Exception {
        assertThat(get(APP + "/status", null).statusCode()).isEqualTo(403);
        assertThat(get(APP + "/status", null).body()).isEqualTo("{\"error\":\"Unauthorized\"}");
        assertThat(get(APP + "/status", "Bearer wrong").statusCode()).isEqualTo(403);
        assertThat(get("/apps/other/status", "Bearer " + KEY).statusCode()).isEqualTo(403);
        assertThat(get(APP + "/status?auth_key=" + KEY, null).statusCode()).isEqualTo(200);
        assertThat(post(APP + "/events", null, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void statusChannelsAndUsersInTheReferenceShapes() throws Exception {
        try (EchoClient one = EchoClient.builder(EchoGeneration.ECHO_1, echo.url()).channel("api_room")
                .channel("presence-chat.20").authHeader("Authorization", "Bearer user-1")
                .transports(Transports.WEBSOCKET).start();
             EchoClient two = EchoClient.builder(EchoGeneration.ECHO_2, echo.url()).channel("api_room")
                     .transports(Transports.POLLING).start()) {
            one.await(line -> "raw".equals(line.path("type").asText()), WAIT);
            echo.awaitSubscribers("api_room", 2);

            JsonNode status = json(get(APP + "/status", "Bearer " + KEY));
            assertThat(status.path("subscription_count").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(status.path("uptime").isDouble()).isTrue();
            assertThat(status.path("memory_usage").fieldNames()).toIterable()
                    .containsExactly("rss", "heapTotal", "heapUsed", "external", "arrayBuffers");

            JsonNode channels = json(get(APP + "/channels", "Bearer " + KEY)).path("channels");
            assertThat(channels.path("api_room").toString()).isEqualTo("{\"subscription_count\":2,\"occupied\":true}");
            assertThat(channels.has("presence-chat.20")).isTrue();
            assertThat(json(get(APP + "/channels?filter_by_prefix=presence-", "Bearer " + KEY)).path("channels")
                    .fieldNames()).toIterable().allMatch(name -> name.startsWith("presence-"));

            assertThat(get(APP + "/channels/api_room", "Bearer " + KEY).body())
                    .isEqualTo("{\"subscription_count\":2,\"occupied\":true}");
            assertThat(get(APP + "/channels/nobody_here", "Bearer " + KEY).body())
                    .isEqualTo("{\"subscription_count\":0,\"occupied\":false}");
            assertThat(get(APP + "/channels/presence-chat.20", "Bearer " + KEY).body())
                    .isEqualTo("{\"subscription_count\":1,\"occupied\":true,\"user_count\":1}");
            assertThat(get(APP + "/channels/presence-chat.20/users", "Bearer " + KEY).body())
                    .isEqualTo("{\"users\":[{\"id\":1,\"user_info\":{\"id\":1,\"name\":\"User 1\"}}]}");
            HttpResponse<String> notPresence = get(APP + "/channels/api_room/users", "Bearer " + KEY);
            assertThat(notPresence.statusCode()).isEqualTo(400);
            assertThat(notPresence.body()).isEqualTo("{\"error\":\"User list is only possible for Presence Channels\"}");
        }
    }

    @Test
    void thePublisherEmitsToEveryChannelExceptTheSenderSocket() throws Exception {
        try (EchoClient sender = EchoClient.builder(EchoGeneration.ECHO_1, echo.url()).channel("pub_a")
                .transports(Transports.WEBSOCKET).start();
             EchoClient other = EchoClient.builder(EchoGeneration.ECHO_2, echo.url()).channel("pub_a").channel("pub_b")
                     .transports(Transports.WEBSOCKET).start()) {
            String senderId = sender.awaitSocketId(WAIT);
            other.awaitSocketId(WAIT);
            echo.awaitSubscribers("pub_a", 2);
            echo.awaitSubscribers("pub_b", 1);

            HttpResponse<String> ok = post(APP + "/events?auth_key=" + KEY, null,
                    "{\"name\":\"backend_poster\",\"data\":\"{\\\"n\\\":1}\",\"channels\":[\"pub_a\",\"pub_b\"],"
                            + "\"socket_id\":\"" + senderId + "\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"message\":\"ok\"}");
            assertThat(post(APP + "/events", "Bearer " + KEY,
                    "{\"name\":\"backend_poster\",\"data\":{\"n\":2},\"channel\":\"pub_a\"}").statusCode()).isEqualTo(200);

            other.await(line -> line.path("channel").asText().equals("pub_b") && line.path("data").path("n").asInt() == 1, WAIT);
            other.await(line -> line.path("channel").asText().equals("pub_a") && line.path("data").path("n").asInt() == 2, WAIT);
            sender.await(line -> line.path("data").path("n").asInt() == 2, WAIT);
            assertThat(sender.events()).extracting(line -> line.path("data").path("n").asInt()).containsExactly(2);
            // The reference's HTTP subscriber logs these two lines without timestamp.
            assertThat(echo.consoleOutput()).contains("\nChannel: pub_a, pub_b\nEvent: backend_poster\n");
        }
    }

    @Test
    void badBodiesAre400AndTheServerLivesOn() throws Exception {
        String missing = "{\"error\":\"Event must include channel, event name and data\"}";
        for (String body : List.of("{\"name\":\"e\",\"data\":{}}", "{\"channel\":\"c\",\"data\":{}}",
                "{\"channel\":\"c\",\"name\":\"e\",\"data\":\"\"}", "[1]", "null")) {
            HttpResponse<String> response = post(APP + "/events", "Bearer " + KEY, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).isEqualTo(missing);
        }
        assertThat(post(APP + "/events", "Bearer " + KEY, "not json").statusCode()).isEqualTo(400);
        assertThat(post(APP + "/events", "Bearer " + KEY, "").statusCode()).isEqualTo(400);
        assertThat(post(APP + "/events", "Bearer " + KEY,
                "{\"channels\":\"c\",\"name\":\"e\",\"data\":{}}").statusCode()).isEqualTo(400);
        String huge = "{\"channel\":\"c\",\"name\":\"e\",\"data\":\"" + "x".repeat(HttpApiServlet.MAX_BODY) + "\"}";
        assertThat(post(APP + "/events", "Bearer " + KEY, huge).statusCode()).isEqualTo(400);
        assertThat(get("/", null).body()).isEqualTo("OK");
    }

    @Test
    void theConfiguredHeadersOnEveryApiResponseButNotOnSocketIo() throws Exception {
        for (HttpResponse<String> response : List.of(get(APP + "/status", null), get("/", null),
                get(APP + "/status", "Bearer wrong"), get("/nothing", null))) {
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Build")).hasValue("7");
        }
        assertThat(get("/socket.io/?EIO=4&transport=polling", null).headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void corsHeadersFromApiOriginAllowOnApiResponses() throws Exception {
        for (HttpResponse<String> response : List.of(get(APP + "/status", null), get("/", null))) {
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://app.test");
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST");
            assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Authorization");
        }
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(echo.url() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(echo.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
