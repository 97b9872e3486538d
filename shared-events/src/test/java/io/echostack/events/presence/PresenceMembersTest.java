package io.echostack.events.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Which entries are one user: lodash's strict uniqBy for the lists, the reference's loose == for other sockets. */
class PresenceMembersTest {
    private static final PresenceMembers MIXED = PresenceMembers.parse("["
            + "{\"user_id\":1,\"user_info\":{\"n\":\"number 1\"},\"socketId\":\"a\"},"
            + "{\"user_id\":\"1\",\"user_info\":{\"n\":\"string 1\"},\"socketId\":\"b\"},"
            + "{\"user_id\":2,\"user_info\":{\"n\":\"number 2\"},\"socketId\":\"c\"},"
            + "{\"user_id\":2.0,\"user_info\":{\"n\":\"number 2.0\"},\"socketId\":\"d\"},"
            + "{\"user_id\":-0.0,\"user_info\":{\"n\":\"-0\"},\"socketId\":\"e\"},"
            + "{\"user_id\":0,\"user_info\":{\"n\":\"0\"},\"socketId\":\"f\"}]");

    @Test
    void listsKeepOneEntryPerStrictlyEqualUserId() {
        assertThat(MIXED.users()).extracting(u -> u.path("user_info").path("n").asText())
                .containsExactly("number 1", "string 1", "number 2", "-0");
        assertThat(MIXED.userCount()).isEqualTo(4);
        assertThat(MIXED.subscribedPayload()).extracting(m -> m.path("socketId").asText())
                .containsExactly("f", "d", "b", "a");
    }

    @Test
    void otherSocketsOfAUserAreFoundWithLooseEquality() {
        assertThat(PresenceMembers.userKey(member("1"))).isEqualTo(PresenceMembers.userKey(member("\"1\"")));
        assertThat(PresenceMembers.userKey(member("2.0"))).isEqualTo("2");
        assertThat(PresenceMembers.userKey(member("\" 7 \""))).isEqualTo("7");
        assertThat(PresenceMembers.userKey(member("true"))).isEqualTo("1");
        assertThat(PresenceMembers.userKey(member("\"abc\""))).isEqualTo("abc");
        assertThat(PresenceMembers.userKey(member("1.5"))).isEqualTo("1.5");
        assertThat(PresenceMembers.userKey(member("null"))).isNull();
        assertThat(MIXED.hasUser("1", "a")).isTrue();
        assertThat(MIXED.hasUser("3", null)).isFalse();
    }

    private static JsonNode member(String userId) {
        try {
            return Json.mapper().readTree("{\"user_id\":" + userId + "}");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
