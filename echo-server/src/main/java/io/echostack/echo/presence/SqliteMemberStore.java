package io.echostack.echo.presence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.presence.PresenceKeys;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.events.presence.PresenceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Presence members in SQLite ({@code "database": "sqlite"}), in laravel-echo-server's file layout: table
 * {@code key_value(key VARCHAR(255), value TEXT)} with the unique index {@code key_index}, {@code INSERT OR REPLACE},
 * key {@code presence-<channel>:members} (no Redis prefix, as the reference) and the same JSON array as in Redis.
 * Unlike the reference's read-then-write, each update is one {@code BEGIN IMMEDIATE} transaction, so concurrent joins
 * (also from another process on the same file) are never lost. This instance's members are listed under
 * {@code echo-server:<instance>:presence} (a JSON array of {@code "<socketId> <channel>"}) in the same table; a join
 * drops the members no instance lists, as presence.lua does in Redis.
 */
public final class SqliteMemberStore implements MemberStore {
    private static final int BUSY_TIMEOUT_MILLIS = 5000;

    private final Connection db;
    private final String registryKey;

    private SqliteMemberStore(Connection db, String instanceId) {
        this.db = db;
        this.registryKey = "echo-server:" + instanceId + ":presence";
    }

    /** Opens (creating the file, its directory and the table when missing) the database at {@code file}. */
    public static SqliteMemberStore open(Path file, String instanceId) throws SQLException, IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        SQLiteConfig settings = new SQLiteConfig();
        settings.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection db;
        try {
            db = settings.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new SQLException("Cannot open the SQLite presence database " + file + ": " + e.getMessage(), e);
        }
        try (Statement schema = db.createStatement()) {
            schema.execute("CREATE TABLE IF NOT EXISTS key_value (key VARCHAR(255), value TEXT)");
            schema.execute("CREATE UNIQUE INDEX IF NOT EXISTS key_index ON key_value (key)");
        } catch (SQLException e) {
            db.close();
            throw new SQLException("Cannot use the SQLite presence database " + file + ": " + e.getMessage(), e);
        }
        return new SqliteMemberStore(db, instanceId);
    }

    @Override
    public synchronized PresenceStore.Joined join(String channel, String socketId, ObjectNode channelData,
                                                  List<String> goneSocketIds) {
        return inTransaction(() -> {
            Set<String> own = ownMembersNow();
            goneSocketIds.forEach(gone -> own.remove(gone + " " + channel));
            own.add(socketId + " " + channel);
            put(registryKey, json(Json.mapper().valueToTree(own)));
            Set<String> owned = ownedByAnyInstance();
            String key = PresenceKeys.storeKey(channel);
            List<ObjectNode> kept = new ArrayList<>();
            List<ObjectNode> dropped = new ArrayList<>();
            ObjectNode replaced = null;
            for (ObjectNode entry : PresenceMembers.parse(get(key)).entries()) {
                String entrySocket = entry.path("socketId").asText(null);
                if (socketId.equals(entrySocket)) {
                    replaced = replaced == null ? entry : replaced;
                } else if (goneSocketIds.contains(entrySocket) || !owned.contains(entrySocket + " " + channel)) {
                    dropped.add(entry);
                } else {
                    kept.add(entry);
                }
            }
            ObjectNode member = channelData.deepCopy();
            member.put("socketId", socketId);
            kept.add(member);
            String value = json(Json.mapper().valueToTree(kept));
            put(key, value);
            return new PresenceStore.Joined(PresenceMembers.parse(value), replaced, dropped);
        });
    }

    @Override
    public synchronized PresenceStore.Left leave(String channel, List<String> socketIds) {
        return inTransaction(() -> {
            Set<String> own = ownMembersNow();
            boolean wasOwn = false;
            for (String socketId : socketIds) {
                wasOwn |= own.remove(socketId + " " + channel);
            }
            if (wasOwn) {
                put(registryKey, json(Json.mapper().valueToTree(own)));
            }
            String key = PresenceKeys.storeKey(channel);
            String current = get(key);
            List<ObjectNode> kept = new ArrayList<>();
            List<ObjectNode> removed = new ArrayList<>();
            for (ObjectNode entry : PresenceMembers.parse(current).entries()) {
                (socketIds.contains(entry.path("socketId").asText(null)) ? removed : kept).add(entry);
            }
            if (removed.isEmpty()) {
                return new PresenceStore.Left(PresenceMembers.parse(current), List.of());
            }
            String value = json(Json.mapper().valueToTree(kept));
            put(key, value);
            return new PresenceStore.Left(PresenceMembers.parse(value), removed);
        });
    }

    @Override
    public synchronized PresenceMembers members(String channel) {
        return inTransaction(() -> PresenceMembers.parse(get(PresenceKeys.storeKey(channel))));
    }

    @Override
    public synchronized List<String> ownMembers() {
        return inTransaction(() -> List.copyOf(ownMembersNow()));
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the SQLite presence database failed", e);
        }
    }

    private Set<String> ownMembersNow() throws SQLException {
        return registryEntries(get(registryKey));
    }

    /** The members of every instance using this file: the union of their registries. */
    private Set<String> ownedByAnyInstance() throws SQLException {
        Set<String> owned = new HashSet<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT value FROM key_value WHERE key LIKE 'echo-server:%:presence'")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owned.addAll(registryEntries(rows.getString(1)));
                }
            }
        }
        return owned;
    }

    private static Set<String> registryEntries(String value) {
        Set<String> own = new LinkedHashSet<>();
        if (value != null) {
            try {
                JsonNode list = Json.mapper().readTree(value);
                if (list instanceof ArrayNode array) {
                    array.forEach(entry -> own.add(entry.asText()));
                }
            } catch (JsonProcessingException e) {
                // unreadable: nothing to purge
            }
        }
        return own;
    }

    private String get(String key) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT value FROM key_value WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private void put(String key, String value) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(
                "INSERT OR REPLACE INTO key_value (key, value) VALUES (?, ?)")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.executeUpdate();
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction. BEGIN IMMEDIATE takes the write lock before the read, so no other
     * connection writes in between; statements are ours (the driver's non-autocommit mode would hold a transaction
     * open between updates and lock other processes out).
     */
    private <T> T inTransaction(Work<T> work) {
        try (Statement transaction = db.createStatement()) {
            transaction.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run();
                transaction.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                transaction.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite presence update failed: " + e.getMessage(), e);
        }
    }

    private static String json(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
