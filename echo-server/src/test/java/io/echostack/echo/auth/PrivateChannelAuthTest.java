package io.echostack.echo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Private channels through a real HTTP auth endpoint answering as Laravel 8 does, with real laravel-echo clients of
 * both generations: what is sent to Laravel, and every way the answer can go.
 */
class PrivateChannelAuthTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String USER_1 = "private-App.Models.User.1";
    private static LaravelAuthEndpoint laravel;
    private static RunningEchoServer echo;

    @BeforeAll
    static void start() throws Exception {
        laravel = new LaravelAuthEndpoint();
        echo = new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\", \"authRequestTimeout\": 1500,");
    }

    @AfterAll
    static void stop() throws Exception {
        echo.close();
        laravel.close();
    }

    @Test
    void theRightUserJoinsAndReceivesBroadcastsOverBothGenerations() {
        try (EchoClient one = client(EchoGeneration.ECHO_1, USER_1, Transports.WEBSOCKET)
                .authHeader("Authorization", "Bearer user-1").start();
             EchoClient two = client(EchoGeneration.ECHO_2, USER_1, Transports.POLLING)
                     .authHeader("Authorization", "Bearer user-1").authHeader("X-CSRF-TOKEN", "csrf-1").start()) {
            one.awaitSocketId(WAIT);
            two.awaitSocketId(WAIT);
            echo.awaitSubscribers(USER_1, 2);

            echo.publish("laravel_database_" + USER_1, "{\"event\":\"App\\\\Events\\\\UserNotified\",\"data\":{\"n\":1},\"socket\":null}");

            one.awaitEvent(USER_1, "UserNotified", WAIT);
            two.awaitEvent(USER_1, "UserNotified", WAIT);
        }
        LaravelAuthEndpoint.Request request = laravel.requestsFor(USER_1).stream()
                .filter(r -> "csrf-1".equals(r.header("X-CSRF-TOKEN"))).findFirst().orElseThrow();
        assertThat(request.path()).isEqualTo("/broadcasting/auth");
        assertThat(request.body()).isEqualTo("channel_name=private-App.Models.User.1");
        assertThat(request.header("Authorization")).isEqualTo("Bearer user-1");
        assertThat(request.header("X-Requested-With")).isEqualTo("XMLHttpRequest");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.header("Upgrade")).as("no h2c upgrade offer").isNull();
        assertThat(request.header("HTTP2-Settings")).isNull();
        assertThat(echo.consoleOutput()).contains("authenticated for: " + USER_1);
    }

    @Test
    void aRefusedUserGetsSubscriptionErrorWithLaravelsStatusAndIsNotJoined() {
        try (EchoClient client = client(EchoGeneration.ECHO_2, USER_1, Transports.WEBSOCKET)
                .authHeader("Authorization", "Bearer user-2").start()) {
            JsonNode error = client.awaitType("subscription_error", WAIT);
            assertThat(error.path("channel").asText()).isEqualTo(USER_1);
            assertThat(error.path("status").asInt()).isEqualTo(403);
        }
        // The reference's dev lines: a timestamped warning, Laravel's body, then the reason, untimestamped.
        assertThat(echo.consoleOutput()).containsPattern("(?m)^⚠ \\[\\d{4}-[^\\]]+Z] - \\S+ could not be authenticated to "
                        + USER_1 + "\\n\\{\\s*\"message\": \"\"\\s*}\\n^Client can not be authenticated, got HTTP status 403$");
    }

    @Test
    void onlyStatus200Grants() {
        try (EchoClient client = client(EchoGeneration.ECHO_1, "private-created.1", Transports.POLLING)
                .authHeader("Authorization", "Bearer user-1").start()) {
            assertThat(client.awaitType("subscription_error", WAIT).path("status").asInt()).isEqualTo(201);
            assertThat(echo.server().subscriberCount("private-created.1")).isZero();
        }
    }

    @Test
    void theHandshakeCookieIsForwardedWhenTheClientSendsNone() {
        try (EchoClient one = client(EchoGeneration.ECHO_1, USER_1, Transports.POLLING)
                .handshakeHeader("Cookie", "harness_user=1; XSRF-TOKEN=abc").start();
             EchoClient two = client(EchoGeneration.ECHO_2, USER_1, Transports.WEBSOCKET)
                     .handshakeHeader("Cookie", "harness_user=1; laravel_session=s2").start()) {
            one.awaitSocketId(WAIT);
            two.awaitSocketId(WAIT);
            echo.awaitSubscribers(USER_1, 2);
        }
        assertThat(laravel.requestsFor(USER_1)).extracting(r -> r.header("Cookie"))
                .contains("harness_user=1; XSRF-TOKEN=abc", "harness_user=1; laravel_session=s2");
    }

    @Test
    void aHungLaravelTimesOutAsStatusZero() {
        try (EchoClient client = client(EchoGeneration.ECHO_2, "private-slow.1", Transports.WEBSOCKET)
                .authHeader("Authorization", "Bearer user-1").start()) {
            assertThat(client.awaitType("subscription_error", WAIT).path("status").asInt()).isZero();
        }
        assertThat(echo.consoleOutput()).containsPattern("(?m)^\\[[^\\]]+Z] - Error authenticating \\S+ for private-slow.1\\n"
                + "HttpTimeoutException: .*\\n^Error sending authentication request.$");
    }

    @Test
    void headersTheHttpClientRefusesAreDroppedNotFatal() {
        try (EchoClient client = client(EchoGeneration.ECHO_1, USER_1, Transports.WEBSOCKET)
                .authHeader("Authorization", "Bearer user-1").authHeader("Host", "evil.example")
                .authHeader("Connection", "close").start()) {
            client.awaitSocketId(WAIT);
            echo.awaitSubscribers(USER_1, 1);
        }
    }

    @Test
    void anUnreachableLaravelIsStatusZeroAndARefererPicksTheTenantHost() throws Exception {
        String authority = laravel.url().substring("http://".length());
        try (RunningEchoServer tenants = new RunningEchoServer(
                "\"authHost\": [\"http://127.0.0.1:1\", \"" + authority + "\"],");
             EchoClient noReferer = EchoClient.builder(EchoGeneration.ECHO_2, tenants.url()).channel(USER_1)
                     .transports(Transports.WEBSOCKET).authHeader("Authorization", "Bearer user-1").start();
             EchoClient referer = EchoClient.builder(EchoGeneration.ECHO_1, tenants.url()).channel(USER_1)
                     .transports(Transports.WEBSOCKET).authHeader("Authorization", "Bearer user-1")
                     .handshakeHeader("Referer", laravel.url() + "/dashboard").start()) {
            assertThat(noReferer.awaitType("subscription_error", WAIT).path("status").asInt()).isZero();
            referer.awaitSocketId(WAIT);
            tenants.awaitSubscribers(USER_1, 1);
            assertThat(tenants.consoleOutput()).as("the reason names where the request went").containsPattern(
                    "(?m)^ConnectException: .*127\\.0\\.0\\.1:1\\b.* - POST http://127\\.0\\.0\\.1:1/broadcasting/auth$");
        }
    }

    @Test
    void sanctumStyleOriginAndRefererForwardingAndAHeaderAllowlist() throws Exception {
        try (RunningEchoServer sanctum = new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\","
                + " \"authForwardHeaders\": [\"Origin\", \"Referer\"], \"authHeaderAllowlist\": [\"Authorization\"],");
             EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, sanctum.url()).channel("private-App.Models.User.3")
                     .transports(Transports.WEBSOCKET).authHeader("Authorization", "Bearer user-3")
                     .authHeader("X-Forwarded-For", "6.6.6.6").handshakeHeader("Origin", "http://spa.test")
                     .handshakeHeader("Referer", "http://spa.test/chat").start()) {
            client.awaitSocketId(WAIT);
            sanctum.awaitSubscribers("private-App.Models.User.3", 1);
        }
        LaravelAuthEndpoint.Request request = laravel.requestsFor("private-App.Models.User.3").get(0);
        assertThat(request.header("Origin")).isEqualTo("http://spa.test");
        assertThat(request.header("Referer")).isEqualTo("http://spa.test/chat");
        assertThat(request.header("Authorization")).isEqualTo("Bearer user-3");
        assertThat(request.header("X-Forwarded-For")).isNull();
    }

    private static EchoClient.Builder client(EchoGeneration generation, String channel, Transports transports) {
        return EchoClient.builder(generation, echo.url()).channel(channel).transports(transports)
                .event("UserNotified");
    }
}
