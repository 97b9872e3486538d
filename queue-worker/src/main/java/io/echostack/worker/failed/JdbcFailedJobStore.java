package io.echostack.worker.failed;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Laravel's {@code database-uuids} failed job provider over the {@code failed_jobs} table (schema: db/migration,
 * Laravel's own). The row's uuid is the job's, so Laravel tooling finds it; a payload without one (not even JSON)
 * gets a fresh uuid, as does a second failure of the same job.
 */
public class JdbcFailedJobStore implements FailedJobStore {
    private static final String INSERT = "INSERT INTO failed_jobs (uuid, connection, queue, payload, exception, failed_at)"
            + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP) ON CONFLICT (uuid) DO NOTHING";

    private final DataSource dataSource;

    public JdbcFailedJobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(String connection, String queue, String payload, Throwable error) {
        String exception = stackTrace(error);
        try (Connection db = dataSource.getConnection()) {
            if (!insert(db, uuidOf(payload), connection, queue, payload, exception)) {
                insert(db, UUID.randomUUID().toString(), connection, queue, payload, exception);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record failed job in failed_jobs: " + e.getMessage(), e);
        }
    }

    private static boolean insert(Connection db, String uuid, String connection, String queue, String payload,
                                  String exception) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(INSERT)) {
            statement.setString(1, uuid);
            statement.setString(2, connection);
            statement.setString(3, queue);
            statement.setString(4, payload);
            statement.setString(5, exception);
            return statement.executeUpdate() == 1;
        }
    }

    private static String uuidOf(String payload) {
        try {
            JsonNode uuid = Json.mapper().readTree(payload).path("uuid");
            if (uuid.isTextual() && !uuid.asText().isBlank()) {
                return uuid.asText();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            // falls through to a fresh uuid
        }
        return UUID.randomUUID().toString();
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
