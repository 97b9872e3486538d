package io.echostack.echo.support;

import static org.awaitility.Awaitility.await;

import io.echostack.echo.EchoServer;
import io.echostack.echo.config.ConfigLoader;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.testsupport.FreePorts;
import io.echostack.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An echo-server started in-process on a free loopback port, subscribed to the test Redis with Laravel 8's default
 * prefix, plus a Lettuce connection that publishes like Laravel. Console output is captured for assertions.
 * <p>
 * One server for a whole test class with the default config:
 * {@code @RegisterExtension static final RunningEchoServer echo = RunningEchoServer.perTestClass();} — started before
 * the class's first test, closed after its last. The constructors start one at once (close it yourself).
 */
public final class RunningEchoServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    public static final String PREFIX = "laravel_database_";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private String perClassKeys;
    private EchoServer server;
    private RedisClient redis;
    private StatefulRedisConnection<String, String> publisher;

    /** Started by {@link #beforeAll}. */
    private RunningEchoServer() {
    }

    public static RunningEchoServer perTestClass() {
        return perTestClass("");
    }

    /** @param extraKeys more top-level config members, as for {@link #RunningEchoServer(String)} */
    public static RunningEchoServer perTestClass(String extraKeys) {
        RunningEchoServer server = new RunningEchoServer();
        server.perClassKeys = extraKeys;
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(perClassKeys, "", testRedis(), TestRedis.get().url());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** @param extraKeys more top-level config members, e.g. {@code "authHost": "http://…",} (with a trailing comma) */
    public RunningEchoServer(String extraKeys) throws Exception {
        this(extraKeys, "");
    }

    /** @param databaseKeys more {@code databaseConfig} members, e.g. {@code "publishPresence": true,} */
    public RunningEchoServer(String extraKeys, String databaseKeys) throws Exception {
        this(extraKeys, databaseKeys, testRedis(), TestRedis.get().url());
    }

    /**
     * @param redisObject  {@code databaseConfig.redis} as JSON
     * @param publisherUrl the Redis that {@link #publish} and {@link #redis()} use
     */
    public RunningEchoServer(String extraKeys, String databaseKeys, String redisObject, String publisherUrl)
            throws Exception {
        start(extraKeys, databaseKeys, redisObject, publisherUrl);
    }

    private void start(String extraKeys, String databaseKeys, String redisObject, String publisherUrl)
            throws Exception {
        String json = """
                {%s "host": "127.0.0.1", "port": %d, "devMode": true,
                 "databaseConfig": {%s "redis": %s}}
                """.formatted(extraKeys, FreePorts.next(), databaseKeys, redisObject);
        PrintStream out = new PrintStream(new TeeStream(console, System.out), true, StandardCharsets.UTF_8);
        server = new EchoServer(ConfigLoader.parse(json), new ConsoleLog(out, true));
        try {
            server.start();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        redis = RedisClient.create(publisherUrl);
        publisher = redis.connect();
    }

    /** The test Redis with Laravel 8's default prefix. */
    private static String testRedis() {
        TestRedis testRedis = TestRedis.get();
        return "{\"host\": \"%s\", \"port\": %d, \"keyPrefix\": \"%s\"}".formatted(testRedis.host(),
                testRedis.port(), PREFIX);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public EchoServer server() {
        return server;
    }

    /** PUBLISH as Laravel's RedisBroadcaster does (we publish the captured bytes; the Lua loop is irrelevant here). */
    public void publish(String redisChannel, String message) {
        publisher.sync().publish(redisChannel, message);
    }

    public void publish(PublishCapture capture) {
        publish(capture.redisChannel(), capture.message());
    }

    /** Subscribe has no acknowledgement in the protocol: wait until the room has the expected size. */
    public void awaitSubscribers(String channel, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> server.subscriberCount(channel) == count);
    }

    /** The Redis commands of the publishing connection, for reading keys. */
    public io.lettuce.core.api.sync.RedisCommands<String, String> redis() {
        return publisher.sync();
    }

    public String consoleOutput() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        publisher.close();
        redis.shutdown();
        server.close();
    }

    /** Writes to the capture buffer and to the real stdout (Surefire's report). */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
