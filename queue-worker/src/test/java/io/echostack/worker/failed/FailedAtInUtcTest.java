package io.echostack.worker.failed;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.worker.ServersResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code failed_at} holds UTC, as Laravel writes it, whatever the session's timezone: the JDBC driver gives the session
 * the JVM's timezone, so a worker on a host set to New York must not write New York time.
 */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class FailedAtInUtcTest {
    private static final String PAYLOAD = "{\"uuid\":\"5d6b0c1e-0a4e-4c55-9a53-3d1f0c0b7a11\",\"attempts\":1}";

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @BeforeEach
    void clean() throws Exception {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM failed_jobs");
        }
    }

    @Test
    void recordsAndReadsFailedAtInUtcFromASessionInAnotherTimezone() throws Exception {
        JdbcFailedJobStore store = new JdbcFailedJobStore(inTimezone("America/New_York"));
        Instant before = Instant.now();

        store.record("redis", "default", PAYLOAD, new IllegalStateException("boom"));

        LocalDateTime stored;
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("SELECT failed_at FROM failed_jobs")) {
            row.next();
            stored = row.getObject(1, LocalDateTime.class);
        }
        assertThat(stored.toInstant(ZoneOffset.UTC)).isBetween(before.minusSeconds(2), Instant.now().plusSeconds(2));
        assertThat(store.all()).singleElement().satisfies(job -> assertThat(Duration.between(before, job.failedAt()))
                .isBetween(Duration.ofSeconds(-2), Duration.ofSeconds(2)));
        assertThat(store.flush(1)).as("failed just now: not older than an hour").isZero();
    }

    /**
     * The database as a JVM in {@code zone} sees it: every session in that timezone (unpooled connections, so the
     * pool the other tests share keeps UTC).
     */
    private DataSource inTimezone(String zone) {
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setUrl(url);
        plain.setUser(username);
        plain.setPassword(password);
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(plain, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Connection connection) {
                        try (Statement sql = connection.createStatement()) {
                            sql.execute("SET TIME ZONE '" + zone + "'");
                        }
                    }
                    return result;
                });
    }
}
