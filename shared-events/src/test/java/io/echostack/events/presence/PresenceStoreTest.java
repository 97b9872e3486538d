package io.echostack.events.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.TestRedisConnection;
import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.json.Json;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** presence.lua through {@link PresenceStore} on a real Redis, in laravel-echo-server's key and format. */
class PresenceStoreTest {
    @RegisterExtension
    static final TestRedisConnection REDIS = new TestRedisConnection();

    private static final String OWNED = "laravel_database_echo-server:presence:owned";

    private RedisCommands<String, String> redis;
    private PresenceStore store;

    @BeforeEach
    void connect() {
        redis = REDIS.commands();
        store = new PresenceStore(REDIS.scripts(), new PresenceKeys(RedisPrefix.LARAVEL_DEFAULT), "test-instance");
    }

    @Test
    void joinsAppendUnderTheReferenceKeyAndKeepEarlierEntriesByteForByte() {
        String key = "laravel_database_presence-bytes.1:members";
        // As laravel-echo-server (JSON.stringify) wrote it; \u00e9 and key order must survive our writes.
        String existing = "[{\"user_id\":1,\"user_info\":{\"name\":\"Ren\\u00e9\",\"id\":1},\"socketId\":\"old\"}]";
        redis.set(key, existing);
        redis.sadd(OWNED, "old presence-bytes.1"); // a member of another running instance

        PresenceMembers members = join("presence-bytes.1", "s2", member(2));

        String expected = existing.substring(0, existing.length() - 1)
                + ",{\"user_id\":2,\"user_info\":{\"id\":2,\"name\":\"User 2\"},\"socketId\":\"s2\"}]";
        assertThat(redis.get(key)).isEqualTo(expected);
        assertThat(members.raw()).isEqualTo(expected);
        assertThat(redis.smembers(store.registryKey())).contains("s2 presence-bytes.1");
        assertThat(redis.smembers(OWNED)).contains("s2 presence-bytes.1");
    }

    @Test
    void concurrentJoinsOfDifferentUsersAreAllKept() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<PresenceMembers>> joins = new ArrayList<>();
            for (int user = 1; user <= 40; user++) {
                int id = user;
                joins.add(() -> join("presence-race.1", "socket-" + id, member(id)));
            }
            for (Future<PresenceMembers> join : threads.invokeAll(joins)) {
                join.get();
            }
        } finally {
            threads.shutdownNow();
        }
        PresenceMembers members = PresenceMembers.parse(redis.get("laravel_database_presence-race.1:members"));
        assertThat(members.userCount()).isEqualTo(40);
    }

    @Test
    void aSocketRejoiningReplacesItsEntryAndTabsOfOneUserAreDedupedNewestFirst() {
        join("presence-tabs.1", "tab-a", member(7));
        join("presence-tabs.1", "tab-b", member(7));
        join("presence-tabs.1", "other", member(8));
        PresenceStore.Joined rejoined = store.join("presence-tabs.1", "tab-a", member(7), List.of());
        PresenceMembers members = rejoined.members();

        assertThat(members.entries()).extracting(e -> e.get("socketId").asText()).containsExactly("tab-b", "other", "tab-a");
        assertThat(members.subscribedPayload()).extracting(e -> e.get("socketId").asText()).containsExactly("tab-a", "other");
        assertThat(members.hasUser("7", "tab-a")).isTrue();
        assertThat(rejoined.replaced().get("socketId").asText()).isEqualTo("tab-a");
        assertThat(rejoined.dropped()).isEmpty();
        assertThat(members.users().toString()).isEqualTo(
                "[{\"id\":7,\"user_info\":{\"id\":7,\"name\":\"User 7\"}},{\"id\":8,\"user_info\":{\"id\":8,\"name\":\"User 8\"}}]");
    }

    @Test
    void leavingRemovesTheSocketsEntriesAndReturnsThem() {
        join("presence-leave.1", "a", member(1));
        join("presence-leave.1", "b", member(2));

        PresenceStore.Left left = store.leave("presence-leave.1", List.of("a"));

        assertThat(left.removed()).singleElement().satisfies(e -> assertThat(e.get("user_id").asInt()).isEqualTo(1));
        assertThat(left.members().hasUser("1", null)).isFalse();
        assertThat(redis.get("laravel_database_presence-leave.1:members"))
                .isEqualTo("[{\"user_id\":2,\"user_info\":{\"id\":2,\"name\":\"User 2\"},\"socketId\":\"b\"}]");
        assertThat(redis.smembers(store.registryKey())).doesNotContain("a presence-leave.1");
        assertThat(redis.smembers(OWNED)).doesNotContain("a presence-leave.1");
    }

    @Test
    void leavingWithoutAMemberChangesNothingAndCreatesNoKey() {
        PresenceStore.Left left = store.leave("presence-never.1", List.of("ghost"));

        assertThat(left.removed()).isEmpty();
        assertThat(left.members().raw()).isNull();
        assertThat(redis.exists("laravel_database_presence-never.1:members")).isZero();
    }

    @Test
    void aValueThatIsNotAnArrayIsReplacedOnJoin() {
        redis.set("laravel_database_presence-garbage.1:members", "not json");

        PresenceMembers members = join("presence-garbage.1", "s", member(3));

        assertThat(members.entries()).hasSize(1);
        assertThat(store.leave("presence-garbage.1", List.of("nobody")).removed()).isEmpty();
    }

    @Test
    void aJoinDropsMembersNoRunningInstanceOwnsAndThisInstancesGoneSockets() {
        String key = "laravel_database_presence-ghosts.1:members";
        // As laravel-echo-server left them when it was stopped: no registry knows these sockets.
        String ghost = "{\"user_id\":1,\"user_info\":{\"id\":1},\"socketId\":\"les-socket\"}";
        String live = "{\"user_id\":2,\"user_info\":{\"id\":2},\"socketId\":\"elsewhere\"}";
        join("presence-ghosts.1", "lost-leave", member(3));
        redis.set(key, "[" + ghost + "," + live + "," + redis.get(key).substring(1));
        redis.sadd(OWNED, "elsewhere presence-ghosts.1");

        PresenceStore.Joined joined = store.join("presence-ghosts.1", "s4", member(4), List.of("lost-leave"));

        assertThat(joined.dropped()).extracting(e -> e.get("socketId").asText())
                .containsExactly("les-socket", "lost-leave");
        assertThat(joined.replaced()).isNull();
        assertThat(joined.members().entries()).extracting(e -> e.get("socketId").asText())
                .containsExactly("elsewhere", "s4");
        assertThat(redis.smembers(store.registryKey())).doesNotContain("lost-leave presence-ghosts.1");
        assertThat(redis.smembers(OWNED)).doesNotContain("lost-leave presence-ghosts.1");
    }

    private PresenceMembers join(String channel, String socketId, ObjectNode member) {
        return store.join(channel, socketId, member, List.of()).members();
    }

    private static ObjectNode member(int id) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("user_id", id);
        data.putObject("user_info").put("id", id).put("name", "User " + id);
        return data;
    }
}
