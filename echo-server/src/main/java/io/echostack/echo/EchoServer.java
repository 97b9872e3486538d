package io.echostack.echo;

import io.echostack.echo.api.ApiResponseHeaders;
import io.echostack.echo.api.HttpApiServlet;
import io.echostack.echo.auth.AuthSettings;
import io.echostack.echo.auth.ChannelAuthorizer;
import io.echostack.echo.channel.Broadcaster;
import io.echostack.echo.channel.ChannelSubscriptions;
import io.echostack.echo.channel.ClientEvents;
import io.echostack.echo.config.EchoServerConfig;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.echo.ops.EchoMetrics;
import io.echostack.echo.ops.OpsServlet;
import io.echostack.echo.presence.Presence;
import io.echostack.echo.subscriber.BroadcastRelay;
import io.echostack.echo.subscriber.RedisSubscriber;
import io.echostack.echo.transport.SocketIoSettings;
import io.echostack.echo.transport.PemKeyStore;
import io.echostack.echo.transport.SocketIoHttpServer;
import java.io.IOException;
import java.security.KeyStore;
import java.time.Duration;

/**
 * One running echo-server: socket.io on Jetty, channel handlers, and the Redis subscriber, started in
 * laravel-echo-server's order with its console output. Usable in-process (tests) and from the CLI.
 */
public final class EchoServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    /** How long a stop may wait for Redis to take this server's presence members away (Redis may be gone). */
    private static final Duration PRESENCE_CLEANUP = Duration.ofSeconds(2);

    private final EchoServerConfig config;
    private final ConsoleLog console;
    private final AuthSettings auth;
    private final SocketIoHttpServer http;
    private final Broadcaster broadcaster;
    private final EchoMetrics metrics;
    private volatile RedisSubscriber redis;
    private Presence presence;
    private volatile boolean closed;

    /** @throws IOException when {@code "protocol": "https"} and the TLS files are missing or unusable */
    public EchoServer(EchoServerConfig config, ConsoleLog console) throws IOException {
        this.config = config;
        this.console = console;
        this.auth = AuthSettings.from(config);
        this.http = new SocketIoHttpServer(config.host(), config.port(), SocketIoSettings.from(config.socketio()),
                auth.handshakeHeadersRead(), config.https() ? tls(config) : null);
        this.metrics = new EchoMetrics(http.rooms());
        this.broadcaster = new Broadcaster(http.rooms(), metrics::messageIn);
    }

    private static KeyStore tls(EchoServerConfig config) throws IOException {
        if (isBlank(config.sslCertPath()) || isBlank(config.sslKeyPath())) {
            throw new IOException("SSL paths are missing in server config (sslCertPath, sslKeyPath).");
        }
        return PemKeyStore.load(config.sslCertPath(), config.sslKeyPath(), config.sslCertChainPath(),
                config.sslPassphrase());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public EchoServer start() throws Exception {
        console.info("L A R A V E L  E C H O  S E R V E R");
        console.info("");
        console.info("version " + VERSION);
        console.info("");
        console.info(config.devMode() ? "⚠ Starting server in DEV mode..." : "Starting server...");
        console.info("");
        http.bind();
        presence = Presence.open(config, config.presenceInstanceIdOr(http.port()), broadcaster, console);
        presence.purgeStale();
        new ChannelSubscriptions(new ChannelAuthorizer(auth, metrics, console), presence.channels(),
                new ClientEvents(broadcaster, config.clientEventMaxBytes(), console), config.maxChannelsPerSocket(),
                console)
                .register(http.namespace());
        boolean httpPublisher = config.subscribers() == null || config.subscribers().http();
        http.filter(new ApiResponseHeaders(config.headers(), config.apiOriginAllow()));
        http.mount("/", new HttpApiServlet(config.clients(), http.rooms(), presence, broadcaster,
                httpPublisher, console));
        OpsServlet ops = new OpsServlet(metrics, http.rooms(), () -> redis == null || redis.connected());
        http.mount("/metrics", ops);
        http.mount("/health", ops);
        http.start();
        console.success("Running at " + config.displayHost() + " on port " + http.port());
        console.devSuccess("Channels are ready.");
        if (httpPublisher) {
            console.success("Listening for http events...");
        }
        if (config.subscribers() == null || config.subscribers().redis()) {
            redis = new RedisSubscriber(config.redis(),
                    new BroadcastRelay(config.redis().prefix(), broadcaster, console), console);
            redis.start();
            console.success("Listening for redis events...");
        }
        console.info("");
        console.info("Server ready!");
        console.info("");
        return this;
    }

    /** The bound port; differs from the configured one only when that was 0. */
    public int port() {
        return http.port();
    }

    /** How many sockets on this node are in the channel's room. */
    public int subscriberCount(String channel) {
        return http.rooms().roomSize(channel);
    }

    public Broadcaster broadcaster() {
        return broadcaster;
    }

    /**
     * Stops Redis broadcasts, removes this server's presence members, then closes the sockets and Jetty. The Redis
     * part takes at most about 3 s, even when Redis is gone.
     */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (redis != null) {
                redis.close();
            }
            if (presence != null) {
                presence.close(PRESENCE_CLEANUP);
            }
        } finally {
            http.stop();
        }
    }
}
