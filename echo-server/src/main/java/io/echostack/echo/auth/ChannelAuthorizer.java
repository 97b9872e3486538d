package io.echostack.echo.auth;

import io.echostack.echo.log.ConsoleLog;
import io.echostack.echo.ops.EchoMetrics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.json.JSONObject;

/**
 * Asks Laravel whether a socket may join a private or presence channel, as laravel-echo-server does: {@code POST
 * <authHost><authEndpoint>} with the form body {@code channel_name=<channel>}, the client's {@code auth.headers}
 * verbatim, the {@code Cookie} of the client's headers or else of the socket.io handshake, and {@code X-Requested-With:
 * XMLHttpRequest} (so Laravel answers 401/403/419 as JSON instead of redirecting). Redirects are not followed. Unlike
 * the reference it has a timeout, verifies TLS unless told not to, can forward handshake headers such as Origin and
 * Referer (Sanctum) and can restrict the client's headers to an allowlist. Never throws: every failure is an
 * {@link AuthResult} with status 0.
 */
public final class ChannelAuthorizer {
    private final AuthSettings settings;
    private final AuthHostSelector hosts;
    private final HttpClient http;
    private final ConsoleLog console;
    private final EchoMetrics metrics;

    public ChannelAuthorizer(AuthSettings settings, EchoMetrics metrics, ConsoleLog console) {
        this.settings = settings;
        this.metrics = metrics;
        this.hosts = new AuthHostSelector(settings.hosts());
        this.console = console;
        // HTTP/1.1 pinned: by default the client asks to upgrade to h2c, and some servers fail such POSTs.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout());
        if (!settings.verifyTls()) {
            builder.sslContext(TrustAllCertificates.context());
        }
        this.http = builder.build();
    }

    /**
     * @param handshakeHeaders the headers of the socket.io handshake request (Cookie, Referer)
     * @param auth             the {@code auth} object of the subscribe payload, or null
     */
    public CompletableFuture<AuthResult> authorize(String socketId, String channel,
                                                   Map<String, List<String>> handshakeHeaders, JSONObject auth) {
        String host = hosts.select(HandshakeHeaders.first(handshakeHeaders, "Referer"));
        console.dev("Preparing authentication request to: " + host);
        String url = host + settings.endpoint();
        try {
            HttpRequest request = request(url, channel, handshakeHeaders, auth);
            console.dev("Sending auth request to: " + url);
            long started = System.nanoTime();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .thenApply(response -> AuthResult.answered(response.statusCode(), response.body()))
                    .exceptionally(error -> AuthResult.failed(AuthRequestFailure.describe(error, url)))
                    .thenApply(result -> {
                        metrics.authRequest(result.granted() ? "granted" : result.status() == 0 ? "failed" : "refused",
                                Duration.ofNanos(System.nanoTime() - started));
                        return logged(socketId, channel, result);
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(logged(socketId, channel,
                    AuthResult.failed(AuthRequestFailure.describe(e, url))));
        }
    }

    private HttpRequest request(String url, String channel, Map<String, List<String>> handshakeHeaders,
                                JSONObject auth) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "channel_name=" + URLEncoder.encode(channel, StandardCharsets.UTF_8)));
        JSONObject clientHeaders = auth == null ? null : auth.optJSONObject("headers");
        String cookie = null;
        if (clientHeaders != null) {
            for (String name : clientHeaders.keySet()) {
                Object value = clientHeaders.opt(name);
                if (value == null || value == JSONObject.NULL || value instanceof JSONObject) {
                    continue;
                }
                if (!settings.allowsClientHeader(name)) {
                    console.dev("Auth header " + name + " not forwarded: not in authHeaderAllowlist");
                } else if ("cookie".equalsIgnoreCase(name)) {
                    cookie = value.toString();
                } else {
                    addClientHeader(builder, name, value.toString());
                }
            }
        }
        for (String name : settings.forwardHeaders()) {
            String value = HandshakeHeaders.first(handshakeHeaders, name);
            if (value != null) {
                addClientHeader(builder, name, value);
            }
        }
        if (cookie == null) {
            cookie = HandshakeHeaders.first(handshakeHeaders, "Cookie");
        }
        if (cookie != null) {
            builder.setHeader("Cookie", cookie);
        }
        return builder.setHeader("Content-Type", "application/x-www-form-urlencoded")
                .setHeader("X-Requested-With", "XMLHttpRequest")
                .build();
    }

    /** A header the HTTP client refuses (Host, Connection, a bad name or value) is dropped, not fatal. */
    private void addClientHeader(HttpRequest.Builder builder, String name, String value) {
        try {
            builder.setHeader(name, value);
        } catch (IllegalArgumentException e) {
            console.dev("Auth header " + name + " not forwarded: " + e.getMessage());
        }
    }

    private AuthResult logged(String socketId, String channel, AuthResult result) {
        if (result.granted()) {
            console.dev(socketId + " authenticated for: " + channel);
        } else if (result.status() == 0) {
            console.dev("Error authenticating " + socketId + " for " + channel);
            console.devDetail(result.error());
            console.devDetail("Error sending authentication request.");
        } else {
            console.devWarning(socketId + " could not be authenticated to " + channel);
            console.devDetail(result.rawBody());
            console.devDetail("Client can not be authenticated, got HTTP status " + result.status());
        }
        return result;
    }
}
