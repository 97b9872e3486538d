package io.echostack.echo.auth;

import io.echostack.echo.config.EchoServerConfig;
import java.time.Duration;
import java.util.List;

/**
 * How auth requests are sent: the candidate hosts ({@code authHost}, or {@code host} when authHost is empty, as the
 * reference does), {@code authEndpoint}, the request timeout ({@code authRequestTimeout} ms, default 10 s; the
 * reference has none) and whether TLS certificates are verified ({@code authVerifyTls}, default true; the reference
 * never verifies).
 */
public record AuthSettings(List<String> hosts, String endpoint, Duration timeout, boolean verifyTls) {

    public static AuthSettings from(EchoServerConfig config) {
        List<String> hosts = config.authHost() == null || config.authHost().stream().allMatch(h -> h == null || h.isEmpty())
                ? (config.host() == null ? List.of() : List.of(config.host()))
                : config.authHost();
        return new AuthSettings(hosts, config.authEndpoint() == null ? "" : config.authEndpoint(),
                Duration.ofMillis(config.authRequestTimeout()), config.authVerifyTls());
    }
}
