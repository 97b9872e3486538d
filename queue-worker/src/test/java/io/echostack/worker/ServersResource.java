package io.echostack.worker;

import io.echostack.testsupport.TestPostgres;
import io.echostack.testsupport.TestRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Real Redis and PostgreSQL from test-support (embedded binaries here, no Docker). */
public class ServersResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestPostgres postgres = TestPostgres.get();
        return Map.of(
                "quarkus.redis.hosts", sharedRedisUrl(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    /**
     * The test Redis, shared by every class loader of this JVM. test-support keeps one server per class loader, and a
     * {@code @QuarkusMainTest} class runs outside Quarkus's loader: the first caller publishes the URL in the system
     * property test-support reads first, so the others connect to the same server.
     */
    public static String sharedRedisUrl() {
        String url = TestRedis.get().url();
        System.setProperty("redis.url", url);
        return url;
    }

    @Override
    public void stop() {
        // test-support stops the servers when the JVM exits
    }
}
