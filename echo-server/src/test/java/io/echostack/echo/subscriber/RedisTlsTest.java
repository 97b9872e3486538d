package io.echostack.echo.subscriber;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.echo.support.RedisProcess;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.echo.support.TestCertificates;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code databaseConfig.redis.tls} against a real redis-server that only speaks TLS to us and requires a client
 * certificate. Its certificate names {@code redis.test} only, so verification needs the test CA ({@code ca}) and
 * {@code servername}; each missing piece stops the start.
 */
class RedisTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static RedisProcess redis;
    private static int tlsPort;
    private static LaravelAuthEndpoint laravel;

    @BeforeAll
    static void start() throws Exception {
        certificates = new TestCertificates(dir);
        certificates.issue("redis", "DNS:redis.test");
        certificates.issue("client", "DNS:echo-server.test");
        tlsPort = io.echostack.testsupport.FreePorts.next();
        // The plain port is the test's publisher; the server under test is given the TLS port only.
        redis = RedisProcess.server(dir, "tls-port " + tlsPort, "tls-cert-file " + certificates.cert("redis"),
                "tls-key-file " + certificates.key("redis"), "tls-ca-cert-file " + certificates.ca(),
                "tls-auth-clients yes");
        laravel = new LaravelAuthEndpoint();
    }

    @AfterAll
    static void stop() throws Exception {
        laravel.close();
        redis.close();
    }

    @Test
    void broadcastsAndPresenceOverAVerifiedTlsConnectionWithAClientCertificate() throws Exception {
        String caPemText = Files.readString(certificates.ca());
        String tls = """
                {"ca": %s, "servername": "redis.test", "cert": "%s", "key": "%s"}
                """.formatted(json(caPemText), certificates.cert("client"), certificates.key("client"));
        try (RunningEchoServer echo = echo(tls);
             EchoClient client = EchoClient.builder(EchoGeneration.ECHO_1, echo.url()).channel("presence-chat.2")
                     .authHeader("Authorization", "Bearer user-2").transports(Transports.WEBSOCKET).start()) {
            client.command("listen tls_room");
            echo.awaitSubscribers("tls_room", 1);
            echo.publish("app_tls_room", "{\"event\":\"backend_poster\",\"data\":{\"n\":1},\"socket\":null}");
            client.awaitEvent("tls_room", ".backend_poster", WAIT);

            await().atMost(WAIT).until(() -> PresenceMembers.parse(
                    echo.redis().get("app_presence-chat.2:members")).hasUser("2", null));
        }
    }

    @Test
    void rejectUnauthorizedFalseSkipsVerificationAsNodeDoes() throws Exception {
        String tls = """
                {"rejectUnauthorized": false, "cert": "%s", "key": "%s"}
                """.formatted(certificates.cert("client"), certificates.key("client"));
        try (RunningEchoServer echo = echo(tls);
             EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, echo.url()).channel("tls_room_2")
                     .transports(Transports.WEBSOCKET).start()) {
            echo.awaitSubscribers("tls_room_2", 1);
            echo.publish("app_tls_room_2", "{\"event\":\"backend_poster\",\"data\":{\"n\":1},\"socket\":null}");
            client.awaitEvent("tls_room_2", ".backend_poster", WAIT);
        }
    }

    @Test
    void withoutTheCaTheServerCertificateIsRefused() {
        String tls = "{\"servername\": \"redis.test\", \"cert\": \"%s\", \"key\": \"%s\"}"
                .formatted(certificates.cert("client"), certificates.key("client"));
        assertThatThrownBy(() -> echo(tls).close()).rootCause()
                .hasMessageContaining("unable to find valid certification path");
    }

    @Test
    void withoutServernameTheHostNameCheckFails() {
        String tls = "{\"ca\": \"%s\", \"cert\": \"%s\", \"key\": \"%s\"}"
                .formatted(certificates.ca(), certificates.cert("client"), certificates.key("client"));
        assertThatThrownBy(() -> echo(tls).close()).rootCause()
                .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
    }

    @Test
    void withoutAClientCertificateRedisRefusesUs() {
        String tls = "{\"ca\": \"%s\", \"servername\": \"redis.test\"}".formatted(certificates.ca());
        assertThatThrownBy(() -> echo(tls).close()).rootCause()
                .hasMessageContaining("certificate_required");
    }

    @Test
    void anUnreadableCaIsAClearError() {
        String tls = "{\"ca\": \"/nonexistent/ca.pem\"}";
        assertThatThrownBy(() -> echo(tls).close())
                .hasMessageContaining("databaseConfig.redis.tls.ca is neither PEM text nor a readable PEM file");
    }

    private static RunningEchoServer echo(String tls) throws Exception {
        String redisObject = "{\"host\": \"127.0.0.1\", \"port\": %d, \"keyPrefix\": \"app_\", \"tls\": %s}"
                .formatted(tlsPort, tls);
        return new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\",", "", redisObject,
                "redis://127.0.0.1:" + redis.port());
    }

    private static String json(String text) {
        return io.echostack.events.json.Json.mapper().valueToTree(text).toString();
    }
}
