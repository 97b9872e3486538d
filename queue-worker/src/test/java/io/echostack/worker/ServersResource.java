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
                "quarkus.redis.hosts", TestRedis.get().url(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // test-support stops the servers when the JVM exits
    }
}
