package io.echostack.api;

import io.echostack.testsupport.FreePorts;
import io.echostack.testsupport.TestPostgres;
import io.echostack.testsupport.TestRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Real Redis and PostgreSQL from test-support (embedded binaries here, no Docker). With the init argument
 * {@code redis=unreachable} Redis points at a closed port instead, for the "Redis is down" tests.
 */
public class ServersResource implements QuarkusTestResourceLifecycleManager {
    public static final String REDIS = "redis";
    public static final String UNREACHABLE = "unreachable";

    private boolean redisUnreachable;

    @Override
    public void init(Map<String, String> initArgs) {
        redisUnreachable = UNREACHABLE.equals(initArgs.get(REDIS));
    }

    @Override
    public Map<String, String> start() {
        TestPostgres postgres = TestPostgres.get();
        String redis = redisUnreachable ? "redis://127.0.0.1:" + FreePorts.next() : TestRedis.get().url();
        return Map.of(
                "quarkus.redis.hosts", redis,
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // test-support stops the servers when the JVM exits
    }
}
