package io.echostack.echo.auth;

import io.echostack.echo.config.EchoServerConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How auth requests are sent: the candidate hosts ({@code authHost}, or {@code host} when authHost is empty, as the
 * reference does), {@code authEndpoint}, the request timeout ({@code authRequestTimeout} ms, default 10 s; the
 * reference has none) and whether TLS certificates are verified ({@code authVerifyTls}, default true; the reference
 * never verifies), the handshake headers to forward ({@code authForwardHeaders}, e.g. Origin and Referer for Sanctum)
 * and, when not null, the only client {@code auth.headers} forwarded ({@code authHeaderAllowlist}).
 */
public record AuthSettings(List<String> hosts, String endpoint, Duration timeout, boolean verifyTls,
                           List<String> forwardHeaders, List<String> headerAllowlist) {

    /** Whether a client-supplied auth header may be forwarded. */
    public boolean allowsClientHeader(String name) {
        return headerAllowlist == null || headerAllowlist.stream().anyMatch(name::equalsIgnoreCase);
    }

    /**
     * The socket.io handshake headers an auth request reads (Cookie, Referer for the auth host, the forwarded ones),
     * lower case: a websocket keeps only these for its lifetime.
     */
    public Set<String> handshakeHeadersRead() {
        Set<String> names = new HashSet<>(List.of("cookie", "referer"));
        forwardHeaders.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        return Set.copyOf(names);
    }

    public static AuthSettings from(EchoServerConfig config) {
        List<String> hosts = config.authHost() == null || config.authHost().stream().allMatch(h -> h == null || h.isEmpty())
                ? (config.host() == null ? List.of() : List.of(config.host()))
                : config.authHost();
        return new AuthSettings(hosts, config.authEndpoint() == null ? "" : config.authEndpoint(),
                Duration.ofMillis(config.authRequestTimeout()), config.authVerifyTls(),
                config.authForwardHeaders() == null ? List.of() : config.authForwardHeaders(),
                config.authHeaderAllowlist());
    }
}
