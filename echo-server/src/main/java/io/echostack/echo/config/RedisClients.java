package io.echostack.echo.config;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;

/**
 * The one place a {@link RedisConfig} becomes a Lettuce client, so the Redis subscriber and the presence store reach
 * Redis the same way: address or sentinels, ACL user and password, db, TLS as ioredis applies it, connect timeout.
 * Lettuce reconnects on its own, like ioredis, and as often: at least every 2 s.
 */
public final class RedisClients {
    /**
     * ioredis retries after min(attempts × 50 ms, 2 s). Lettuce's default backoff grows to 30 s, so a subscriber
     * came back up to 30 s after a Redis restart, losing the broadcasts published meanwhile.
     */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

    private RedisClients() {
    }

    /** @throws ConfigException when the settings cannot work (sentinels without a name, unreadable PEM) */
    public static RedisClient create(RedisConfig config) throws ConfigException {
        RedisURI uri = uri(config);
        ClientOptions options = options(config);
        RedisClient client = new ClientWithOwnResources(ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ZERO, MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build(), uri);
        client.setOptions(options);
        return client;
    }

    /**
     * A client that shuts down the resources it was created with: Lettuce takes given resources for shared ones and
     * leaves them running, but the reconnect delay can only be set there.
     */
    private static final class ClientWithOwnResources extends RedisClient {
        ClientWithOwnResources(ClientResources resources, RedisURI uri) {
            super(resources, uri);
        }

        @Override
        public CompletableFuture<Void> shutdownAsync(long quietPeriod, long timeout, TimeUnit unit) {
            return super.shutdownAsync(quietPeriod, timeout, unit).thenCompose(closed -> {
                CompletableFuture<Void> resourcesShutdown = new CompletableFuture<>();
                getResources().shutdown(quietPeriod, timeout, unit)
                        .addListener(future -> resourcesShutdown.complete(null));
                return resourcesShutdown;
            });
        }
    }

    static RedisURI uri(RedisConfig config) throws ConfigException {
        RedisURI.Builder uri;
        if (config.sentinelMode()) {
            if (config.name() == null || config.name().isBlank()) {
                throw new ConfigException("databaseConfig.redis.sentinels needs \"name\": the master group name the"
                        + " sentinels monitor");
            }
            uri = RedisURI.builder().withSentinelMasterId(config.name());
            for (RedisConfig.SentinelAddress address : config.sentinels()) {
                RedisURI sentinel = RedisURI.create(address.hostOrDefault(), address.portOrDefault());
                if (config.sentinelPassword() != null && !config.sentinelPassword().isEmpty()) {
                    sentinel.setUsername(config.sentinelUsername());
                    sentinel.setPassword(config.sentinelPassword());
                }
                uri.withSentinel(sentinel);
            }
        } else {
            uri = RedisURI.builder().withHost(config.hostOrDefault()).withPort(config.portOrDefault());
        }
        uri.withDatabase(config.dbOrDefault());
        if (config.password() != null && !config.password().isEmpty()) {
            if (config.username() == null || config.username().isEmpty()) {
                uri.withPassword(config.password().toCharArray());
            } else {
                uri.withAuthentication(config.username(), config.password());
            }
        }
        if (config.tlsToData()) {
            uri.withSsl(true).withVerifyPeer(config.tls().verifies() ? SslVerifyMode.FULL : SslVerifyMode.NONE);
        }
        return uri.build();
    }

    static ClientOptions options(RedisConfig config) throws ConfigException {
        ClientOptions.Builder options = ClientOptions.builder()
                .autoReconnect(true)
                // RESP2, as ioredis speaks: under RESP3 Lettuce decodes each pub/sub message twice (a push message,
                // copied, then the pub/sub message), about a quarter of what a relayed broadcast allocates.
                .protocolVersion(ProtocolVersion.RESP2)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofMillis(config.connectTimeoutMillis())).build());
        if (config.tlsToData()) {
            options.sslOptions(sslOptions(config.tls()));
        }
        return options.build();
    }

    private static SslOptions sslOptions(RedisTls tls) throws ConfigException {
        SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
        byte[] ca = tls.caPem();
        if (ca != null) {
            ssl.trustManager(() -> new ByteArrayInputStream(ca));
        }
        if (tls.hasClientCertificate()) {
            byte[] cert = tls.certPem();
            byte[] key = tls.keyPem();
            ssl.keyManager(() -> new ByteArrayInputStream(cert), () -> new ByteArrayInputStream(key),
                    tls.passphrase() == null ? null : tls.passphrase().toCharArray());
        }
        if (tls.servername() != null && !tls.servername().isBlank()) {
            SNIHostName servername;
            try {
                servername = new SNIHostName(tls.servername());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("databaseConfig.redis.tls.servername is not a host name: "
                        + tls.servername());
            }
            ssl.sslParameters(() -> {
                SSLParameters parameters = new SSLParameters();
                parameters.setServerNames(List.of(servername));
                return parameters;
            });
        }
        return ssl.build();
    }
}
