package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code "protocol": "https"} with PEM files as laravel-echo-server takes them, served to real clients of both
 * generations; and the auth request's TLS verification against a self-signed Laravel.
 */
class TlsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static Path cert;
    private static Path key;

    @BeforeAll
    static void certificate() throws Exception {
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Path plainKey = dir.resolve("plain-key.pem");
        boolean made = openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", plainKey.toString(),
                "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                && openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", plainKey.toString(), "-out", key.toString(),
                "-passout", "pass:secret");
        assumeTrue(made, "openssl is needed to make a test certificate");
    }

    private static boolean openssl(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void bothGenerationsConnectOverHttpsAndWssWithAnEncryptedKey() throws Exception {
        try (RunningEchoServer echo = new RunningEchoServer(tls() + "\"sslPassphrase\": \"secret\",");
             EchoClient one = EchoClient.builder(EchoGeneration.ECHO_1, "https://127.0.0.1:" + echo.port())
                     .channel("tls_room").transports(Transports.DEFAULT).insecure().start();
             EchoClient two = EchoClient.builder(EchoGeneration.ECHO_2, "https://127.0.0.1:" + echo.port())
                     .channel("tls_room").transports(Transports.WEBSOCKET).insecure().start()) {
            one.awaitSocketId(WAIT);
            two.awaitSocketId(WAIT);
            echo.awaitSubscribers("tls_room", 2);

            echo.publish("laravel_database_tls_room", "{\"event\":\"backend_poster\",\"data\":{\"n\":1},\"socket\":null}");

            one.awaitEvent("tls_room", ".backend_poster", WAIT);
            two.awaitEvent("tls_room", ".backend_poster", WAIT);
        }
    }

    @Test
    void authRequestsVerifyLaravelsCertificateUnlessToldNotTo() throws Exception {
        HttpsServer laravel = selfSignedLaravel();
        String authHost = "\"authHost\": \"https://127.0.0.1:" + laravel.getAddress().getPort() + "\",";
        try (RunningEchoServer verifying = new RunningEchoServer(authHost);
             RunningEchoServer trusting = new RunningEchoServer(authHost + "\"authVerifyTls\": false,");
             EchoClient refused = EchoClient.builder(EchoGeneration.ECHO_2, verifying.url())
                     .channel("private-tls.1").transports(Transports.WEBSOCKET).start();
             EchoClient granted = EchoClient.builder(EchoGeneration.ECHO_1, trusting.url())
                     .channel("private-tls.1").transports(Transports.WEBSOCKET).start()) {
            assertThat(refused.awaitType("subscription_error", WAIT).path("status").asInt()).isZero();
            trusting.awaitSubscribers("private-tls.1", 1);
        } finally {
            laravel.stop(0);
        }
    }

    private static String tls() {
        return "\"protocol\": \"https\", \"sslCertPath\": \"" + cert + "\", \"sslKeyPath\": \"" + key + "\",";
    }

    /** Answers every auth request with Laravel's private-channel 200 {@code true}, over TLS with the test certificate. */
    private static HttpsServer selfSignedLaravel() throws Exception {
        KeyStore store = PemKeyStore.load(cert.toString(), key.toString(), null, "secret");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PemKeyStore.PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body = "true".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
