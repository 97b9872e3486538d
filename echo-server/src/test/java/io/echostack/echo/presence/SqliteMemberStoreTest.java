package io.echostack.echo.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store on a real file: the reference read, changed and wrote the list without a transaction, so
 * concurrent joins were lost. Here two stores (as two server processes would) join 40 users at once.
 */
class SqliteMemberStoreTest {

    @Test
    void concurrentJoinsFromTwoConnectionsAreAllKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/presence.sqlite");
        SqliteMemberStore first = SqliteMemberStore.open(file, "first");
        SqliteMemberStore second = SqliteMemberStore.open(file, "second");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> joins = new ArrayList<>();
            for (int user = 1; user <= 40; user++) {
                SqliteMemberStore store = user % 2 == 0 ? first : second;
                int id = user;
                joins.add(threads.submit(() -> store.join("presence-race.1", "socket-" + id, member(id), List.of())));
            }
            for (Future<?> join : joins) {
                join.get();
            }
            assertThat(first.members("presence-race.1").userCount()).isEqualTo(40);
            assertThat(first.ownMembers()).hasSize(20).allMatch(entry -> entry.endsWith(" presence-race.1"));

            var left = second.leave("presence-race.1", List.of("socket-1", "socket-2", "unknown"));
            assertThat(left.removed()).extracting(entry -> entry.path("user_id").asInt())
                    .as("in list order, which the concurrent joins decided").containsExactlyInAnyOrder(1, 2);
            assertThat(left.members().userCount()).isEqualTo(38);
            assertThat(second.ownMembers()).hasSize(19);
            assertThat(first.ownMembers()).as("another instance's list is its own").hasSize(20);
        } finally {
            threads.shutdownNow();
            first.close();
            second.close();
        }
    }

    @Test
    void aRejoinOfTheSameSocketReplacesItsEntry(@TempDir Path dir) throws Exception {
        SqliteMemberStore store = SqliteMemberStore.open(dir.resolve("p.sqlite"), "one");
        try {
            store.join("presence-a", "s1", member(1), List.of());
            var rejoined = store.join("presence-a", "s1", member(1), List.of());
            assertThat(rejoined.members().entries()).hasSize(1);
            assertThat(rejoined.replaced().path("socketId").asText()).isEqualTo("s1");
            assertThat(store.leave("presence-b", List.of("s1")).removed()).isEmpty();
            assertThat(store.members("presence-b").raw()).isNull();
        } finally {
            store.close();
        }
    }

    @Test
    void aJoinDropsMembersNoInstanceListsAndThisInstancesGoneSockets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.sqlite");
        SqliteMemberStore first = SqliteMemberStore.open(file, "first");
        SqliteMemberStore second = SqliteMemberStore.open(file, "second");
        try {
            second.join("presence-g", "other-instance", member(2), List.of());
            first.join("presence-g", "lost-leave", member(3), List.of());
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement sql = db.createStatement()) {
                // As laravel-echo-server leaves a member when it stops: in the list, in no registry.
                sql.executeUpdate("UPDATE key_value SET value = '[{\"user_id\":1,\"socketId\":\"les\"},'"
                        + " || substr(value, 2) WHERE key = 'presence-g:members'");
            }

            var joined = first.join("presence-g", "s4", member(4), List.of("lost-leave"));

            assertThat(joined.dropped()).extracting(entry -> entry.path("socketId").asText())
                    .containsExactly("les", "lost-leave");
            assertThat(joined.members().entries()).extracting(entry -> entry.path("socketId").asText())
                    .containsExactly("other-instance", "s4");
            assertThat(first.ownMembers()).containsExactly("s4 presence-g");
        } finally {
            first.close();
            second.close();
        }
    }

    private static ObjectNode member(int id) {
        ObjectNode member = Json.mapper().createObjectNode();
        member.put("user_id", id);
        member.putObject("user_info").put("name", "User " + id);
        return member;
    }
}
