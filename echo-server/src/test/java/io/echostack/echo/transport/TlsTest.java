package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code "protocol": "https"} with PEM files as laravel-echo-server takes them: every private key format Node reads,
 * each served over real https and wss; real clients of both generations; and the auth request's TLS verification
 * against a self-signed Laravel.
 */
class TlsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static Path cert;
    private static Path key;

    /** One RSA key in each format below, made with openssl from a PKCS#1 key, and a SEC1 EC key; "secret" encrypts. */
    @BeforeAll
    static void keysInEveryFormat() throws Exception {
        cert = dir.resolve("rsa-cert.pem");
        key = dir.resolve("pkcs8-pbes2.pem");
        String rsa = dir.resolve("pkcs1.pem").toString();
        boolean made = openssl("genrsa", "-traditional", "-out", rsa, "2048")
                && selfSigned(rsa, cert)
                && openssl("pkcs8", "-topk8", "-nocrypt", "-in", rsa, "-out", dir.resolve("pkcs8.pem").toString())
                && openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", rsa, "-out", key.toString(),
                "-passout", "pass:secret")
                && openssl("pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-in", rsa,
                "-out", dir.resolve("pkcs8-pbes1.pem").toString(), "-passout", "pass:secret")
                && openssl("rsa", "-traditional", "-aes256", "-in", rsa,
                "-out", dir.resolve("pkcs1-aes.pem").toString(), "-passout", "pass:secret")
                && openssl("rsa", "-traditional", "-des3", "-in", rsa,
                "-out", dir.resolve("pkcs1-des3.pem").toString(), "-passout", "pass:secret")
                && openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", dir.resolve("sec1.pem").toString())
                && selfSigned(dir.resolve("sec1.pem").toString(), dir.resolve("ec-cert.pem"));
        assumeTrue(made, "openssl (3.x) is needed to make the test keys and certificates");
    }

    private static boolean selfSigned(String key, Path cert) throws InterruptedException {
        return openssl("req", "-x509", "-key", key, "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
    }

    private static boolean openssl(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Node's TLS reads all of these; the passphrase is ignored for the unencrypted ones, as in Node. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "pkcs8.pem,       rsa-cert.pem, BEGIN PRIVATE KEY",
            "pkcs8-pbes2.pem, rsa-cert.pem, BEGIN ENCRYPTED PRIVATE KEY",
            "pkcs8-pbes1.pem, rsa-cert.pem, BEGIN ENCRYPTED PRIVATE KEY",
            "pkcs1.pem,       rsa-cert.pem, BEGIN RSA PRIVATE KEY",
            "pkcs1-aes.pem,   rsa-cert.pem, DEK-Info: AES-256-CBC",
            "pkcs1-des3.pem,  rsa-cert.pem, DEK-Info: DES-EDE3-CBC",
            "sec1.pem,        ec-cert.pem,  BEGIN EC PRIVATE KEY"})
    void everyPemKeyFormatServesHttpsAndWss(String keyFile, String certFile, String marker) throws Exception {
        Path keyPath = dir.resolve(keyFile);
        Path certPath = dir.resolve(certFile);
        assertThat(Files.readString(keyPath)).contains(marker);
        String config = tls(certPath, keyPath) + "\"sslPassphrase\": \"secret\",";
        try (RunningEchoServer echo = new RunningEchoServer(config)) {
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(certPath)).build();
            String base = "127.0.0.1:" + echo.port();

            assertThat(https.send(HttpRequest.newBuilder(URI.create("https://" + base + "/")).build(),
                    BodyHandlers.ofString()).body()).isEqualTo("OK");
            assertThat(firstWebSocketText(https, URI.create("wss://" + base + "/socket.io/?EIO=4&transport=websocket")))
                    .startsWith("0{\"sid\":");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs8-pbes2.pem", "pkcs8-pbes1.pem", "pkcs1-aes.pem"})
    void aWrongPassphraseSaysSo(String keyFile) {
        String keyPath = dir.resolve(keyFile).toString();

        assertThatThrownBy(() -> PemKeyStore.load(cert.toString(), keyPath, null, "wrong"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot use the TLS files (" + keyPath + "): cannot decrypt the private key"
                        + " (wrong sslPassphrase?)");
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
        return tls(cert, key);
    }

    private static String tls(Path certPath, Path keyPath) {
        return "\"protocol\": \"https\", \"sslCertPath\": \"" + certPath + "\", \"sslKeyPath\": \"" + keyPath + "\",";
    }

    private static SSLContext trusting(Path certPath) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certPath)) {
            trusted.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The engine.io open packet a socket.io server sends first over a WebSocket. */
    private static String firstWebSocketText(HttpClient client, URI uri) throws Exception {
        CompletableFuture<String> text = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.complete(data.toString());
                return null;
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            return text.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
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
