package io.echostack.worker.failed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Laravel's {@code database-uuids} failed job provider over the {@code failed_jobs} table (schema: db/migration,
 * Laravel's own). The row's uuid is the job's, so Laravel tooling finds it; a payload without one (not even JSON)
 * gets a fresh uuid, as does a second failure of the same job.
 */
public class JdbcFailedJobStore implements FailedJobStore {
    /**
     * {@code failed_at} is a timestamp without time zone holding UTC, as Laravel writes it ({@code Date::now()} in the
     * app's timezone, UTC in the skeleton). A bare CURRENT_TIMESTAMP would store the session's local time, which the
     * JDBC driver sets to the JVM's timezone: hours off for Laravel's tools on a host not in UTC. Truncated to the
     * second as Laravel formats it (the TIMESTAMP(0) column would round up to half a second later).
     */
    private static final String NOW_UTC = "date_trunc('second', CURRENT_TIMESTAMP AT TIME ZONE 'UTC')";
    private static final String INSERT = "INSERT INTO failed_jobs (uuid, connection, queue, payload, exception, failed_at)"
            + " VALUES (?, ?, ?, ?, ?, " + NOW_UTC + ") ON CONFLICT (uuid) DO NOTHING";

    private static final String SELECT = "SELECT id, uuid, connection, queue, payload, exception, failed_at"
            + " FROM failed_jobs";
    private static final String BY_UUID = " WHERE uuid = ?";
    private static final String BY_UUID_OR_ID = " WHERE uuid = ? OR id = ?";

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

    @Override
    public List<FailedJob> all() {
        return query(SELECT + " ORDER BY id");
    }

    @Override
    public Optional<FailedJob> find(String id) {
        return numeric(id) ? query(SELECT + BY_UUID_OR_ID, id, Long.parseLong(id)).stream().findFirst()
                : query(SELECT + BY_UUID, id).stream().findFirst();
    }

    @Override
    public boolean forget(String id) {
        return (numeric(id) ? update("DELETE FROM failed_jobs" + BY_UUID_OR_ID, id, Long.parseLong(id))
                : update("DELETE FROM failed_jobs" + BY_UUID, id)) > 0;
    }

    @Override
    public int flush(Integer hours) {
        if (hours == null) {
            return update("DELETE FROM failed_jobs");
        }
        return update("DELETE FROM failed_jobs WHERE failed_at <= " + NOW_UTC + " - make_interval(hours => ?)", hours);
    }

    /** The numeric id of Laravel's {@code database} provider, accepted beside uuids. */
    private static boolean numeric(String id) {
        return id.matches("[0-9]{1,18}");
    }

    private List<FailedJob> query(String sql, Object... params) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, params);
            List<FailedJob> jobs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    jobs.add(new FailedJob(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6),
                            rows.getObject(7, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read failed_jobs: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change failed_jobs: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
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
        } catch (JsonProcessingException notJson) {
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
