package io.echostack.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import redis.embedded.RedisServer;

/**
 * A real Redis for tests, one per JVM, chosen in this order:
 * <ol>
 *   <li>{@code REDIS_URL} from the environment (or system property {@code redis.url}), e.g. {@code redis://127.0.0.1:6379};</li>
 *   <li>a {@code redis:7-alpine} container when a Docker engine answers;</li>
 *   <li>the redis-server binary shipped in {@code com.github.codemonstur:embedded-redis}, on a free loopback port.</li>
 * </ol>
 * Embedded and container servers are stopped when the JVM exits. The chosen URL is left in {@code redis.url}, so code
 * loaded by another class loader of the same JVM uses the same server. {@link #restart()} exists for reconnect tests and
 * works on the embedded server only.
 */
public final class TestRedis {
    private static TestRedis instance;

    private final String url;
    private final RedisServer embedded;

    private TestRedis(String url, RedisServer embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    public static synchronized TestRedis get() {
        if (instance == null) {
            instance = start();
            // A second class loader in this JVM (Quarkus tests load the app apart) then finds the same server.
            System.setProperty("redis.url", instance.url);
        }
        return instance;
    }

    /** {@code redis://host:port}. */
    public String url() {
        return url;
    }

    public String host() {
        return URI.create(url).getHost();
    }

    public int port() {
        return URI.create(url).getPort();
    }

    /** Whether this JVM started the server itself (and so may stop and restart it). */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Stops and starts the embedded server on the same port: clients see a Redis restart. */
    public void restart() {
        if (embedded == null) {
            throw new IllegalStateException("only an embedded Redis can be restarted by a test");
        }
        try {
            embedded.stop();
            embedded.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestRedis start() {
        String configured = System.getProperty("redis.url", System.getenv("REDIS_URL"));
        if (configured != null && !configured.isBlank()) {
            return new TestRedis(configured, null);
        }
        if (Docker.available()) {
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                    .withExposedPorts(6379);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-redis-stop"));
            return new TestRedis("redis://" + container.getHost() + ":" + container.getMappedPort(6379), null);
        }
        return startEmbedded();
    }

    private static TestRedis startEmbedded() {
        int port = FreePorts.next();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "test-redis-stop"));
            return new TestRedis("redis://127.0.0.1:" + port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded redis-server", e);
        }
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
