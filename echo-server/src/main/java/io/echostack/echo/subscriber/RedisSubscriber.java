package io.echostack.echo.subscriber;

import io.echostack.echo.config.ConfigException;
import io.echostack.echo.config.RedisClients;
import io.echostack.echo.config.RedisConfig;
import io.echostack.echo.log.ConsoleLog;
import io.lettuce.core.RedisClient;
import io.lettuce.core.event.connection.ConnectedEvent;
import io.lettuce.core.event.connection.DisconnectedEvent;
import io.lettuce.core.event.connection.ReconnectAttemptEvent;
import io.lettuce.core.event.connection.ReconnectFailedEvent;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * {@code PSUBSCRIBE <keyPrefix>*} on a dedicated Lettuce connection, handing every message to a
 * {@link BroadcastRelay}. Lettuce reconnects on its own and re-issues the PSUBSCRIBE after a reconnect; both are
 * logged. Messages are relayed in arrival order on the event loop of this connection's own Lettuce client, where
 * they arrive: relaying never blocks (websocket frames are queued per connection, see {@code FrameWriter}, and
 * polling sessions are written on a thread of their own, see {@code PollingWriter}), and handing each message to a
 * thread of ours cost a thread wake-up per message, about a sixth of the CPU of a message to a single recipient
 * (bench/echo-server, channels).
 */
public final class RedisSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSubscriber.class);

    private final RedisConfig config;
    private final BroadcastRelay relay;
    private final ConsoleLog console;
    private final AtomicBoolean firstSubscription = new AtomicBoolean(true);
    private final AtomicBoolean connected = new AtomicBoolean();
    private RedisClient client;
    private StatefulRedisPubSubConnection<String, String> connection;
    private Disposable connectionEvents;

    public RedisSubscriber(RedisConfig config, BroadcastRelay relay, ConsoleLog console) {
        this.config = config;
        this.relay = relay;
        this.console = console;
    }

    /**
     * Connects and subscribes; returns once Redis acknowledged the PSUBSCRIBE.
     *
     * @throws ConfigException when the Redis settings cannot work (e.g. an unreadable TLS certificate)
     */
    public void start() throws ConfigException {
        client = RedisClients.create(config);
        connectionEvents = client.getResources().eventBus().get().subscribe(event -> {
            if (event instanceof DisconnectedEvent) {
                connected.set(false);
                console.warning("Redis connection lost (" + config.describe() + "), reconnecting...");
            } else if (event instanceof ReconnectAttemptEvent attempt) {
                console.dev("Redis reconnect attempt " + attempt.getAttempt());
            } else if (event instanceof ReconnectFailedEvent failed) {
                console.dev("Redis reconnect failed: " + failed.getCause());
            } else if (event instanceof ConnectedEvent) {
                connected.set(true);
                console.dev("Redis connected (" + config.describe() + ")");
            }
        });
        connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                relaySafely(channel, message);
            }

            @Override
            public void psubscribed(String pattern, long count) {
                // The first is ours, logged below; later ones are Lettuce's, re-issued after a reconnect.
                if (!firstSubscription.compareAndSet(true, false)) {
                    console.success("Reconnected to Redis: listening for redis events again (" + pattern + ").");
                }
            }
        });
        String pattern = config.prefix().subscribePattern();
        connection.sync().psubscribe(pattern);
        // Here, not in the listener (which runs later, on Lettuce's thread): before "Listening for redis events...".
        console.dev("Subscribed to Redis pattern " + pattern);
    }

    /** Whether the pub/sub connection is up (for the health endpoint). */
    public boolean connected() {
        return connected.get();
    }

    /** Never waits on Redis (it may be gone): the connection and its event loop close in the background (1 s max). */
    @Override
    public void close() {
        // Stop listening first: our own disconnect is not a lost connection.
        if (connectionEvents != null) {
            connectionEvents.dispose();
        }
        if (client != null) { // also closes the pub/sub connection (closing it first too makes Lettuce warn)
            client.shutdownAsync(0, 1, TimeUnit.SECONDS);
        }
    }

    /** One broadcast failing (e.g. a socket in a bad state) must not stop the ones after it. */
    private void relaySafely(String channel, String message) {
        try {
            relay.relay(channel, message);
        } catch (RuntimeException e) {
            LOG.warn("could not relay a message from {}", channel, e);
        }
    }
}
