package io.echostack.events;

import io.echostack.events.script.LettuceScriptExecutor;
import io.echostack.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Lettuce connection to the test Redis per test class, opened before its first test and closed after its last:
 * {@code @RegisterExtension static final TestRedisConnection REDIS = new TestRedisConnection();}
 */
public final class TestRedisConnection implements BeforeAllCallback, AfterAllCallback {
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    @Override
    public void beforeAll(ExtensionContext context) {
        client = RedisClient.create(TestRedis.get().url());
        connection = client.connect();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        connection.close();
        client.shutdown();
    }

    public RedisCommands<String, String> commands() {
        return connection.sync();
    }

    /** A subscriber connection of its own (a subscribed connection takes no other commands); the caller closes it. */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return client.connectPubSub();
    }

    /** Our scripts run through this connection, as a service's executor runs them. */
    public LettuceScriptExecutor scripts() {
        return new LettuceScriptExecutor(commands());
    }
}
