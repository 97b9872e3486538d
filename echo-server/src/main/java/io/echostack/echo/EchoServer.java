package io.echostack.echo;

import io.echostack.echo.auth.AuthSettings;
import io.echostack.echo.auth.ChannelAuthorizer;
import io.echostack.echo.channel.Broadcaster;
import io.echostack.echo.channel.ChannelSubscriptions;
import io.echostack.echo.config.EchoServerConfig;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.echo.subscriber.BroadcastRelay;
import io.echostack.echo.subscriber.RedisSubscriber;
import io.echostack.echo.transport.HeartbeatSettings;
import io.echostack.echo.transport.SocketIoHttpServer;

/**
 * One running echo-server: socket.io on Jetty, channel handlers, and the Redis subscriber, started in
 * laravel-echo-server's order with its console output. Usable in-process (tests) and from the CLI.
 */
public final class EchoServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    private final EchoServerConfig config;
    private final ConsoleLog console;
    private final SocketIoHttpServer http;
    private final Broadcaster broadcaster;
    private RedisSubscriber redis;

    public EchoServer(EchoServerConfig config, ConsoleLog console) {
        this.config = config;
        this.console = console;
        this.http = new SocketIoHttpServer(config.host(), config.port(), HeartbeatSettings.from(config.socketio()));
        this.broadcaster = new Broadcaster(http.rooms());
    }

    public EchoServer start() throws Exception {
        if ("https".equals(config.protocol())) {
            // Serving plain HTTP to someone who asked for TLS would be worse than not starting.
            throw new IllegalStateException("\"protocol\": \"https\" is not supported yet; terminate TLS in a proxy"
                    + " in front of this server and set \"protocol\" to \"http\".");
        }
        console.info("L A R A V E L  E C H O  S E R V E R");
        console.info("");
        console.info("version " + VERSION);
        console.info("");
        console.info(config.devMode() ? "⚠ Starting server in DEV mode..." : "Starting server...");
        console.info("");
        new ChannelSubscriptions(new ChannelAuthorizer(AuthSettings.from(config), console), console)
                .register(http.namespace());
        http.start();
        console.success("Running at " + config.displayHost() + " on port " + http.port());
        console.dev("✔  Channels are ready.");
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

    @Override
    public void close() throws Exception {
        try {
            if (redis != null) {
                redis.close();
            }
        } finally {
            http.stop();
        }
    }
}
