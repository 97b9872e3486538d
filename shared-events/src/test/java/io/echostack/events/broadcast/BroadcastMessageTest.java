package io.echostack.events.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.Fixtures;
import io.echostack.events.MalformedPayloadException;
import io.echostack.events.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BroadcastMessageTest {

    @ParameterizedTest
    @ValueSource(strings = {"publish-sync.txt", "publish-worker.txt"})
    void everyCapturedMessageParsesAndIsRewrittenByteForByte(String capture) throws Exception {
        var messages = Fixtures.pmessages(capture);
        assertThat(messages).hasSizeGreaterThanOrEqualTo(4);
        for (Fixtures.PMessage captured : messages) {
            BroadcastMessage message = BroadcastMessage.parse(captured.message());
            assertThat(message.event()).isNotEmpty();
            assertThat(message.data().get("socket")).as("Laravel copies socket into data").isNotNull();
            assertThat(message.toJson()).isEqualTo(captured.message());
        }
    }

    @Test
    void socketIsReadFromTheTopLevel() throws Exception {
        BroadcastMessage message = BroadcastMessage.parse(Fixtures.pmessages("publish-sync.txt").get(3).message());
        assertThat(message.event()).isEqualTo("multi.ping");
        assertThat(message.socket()).isEqualTo("abc123.456");
    }

    @Test
    void ofBuildsLaravelsShapeWithSocketInsideData() throws Exception {
        ObjectNode payload = (ObjectNode) Json.mapper().readTree(
                "{\"poster\":{\"id\":42,\"url\":\"https://example.test/posters/42\",\"tags\":[\"ünïcødé ✓\"]},\"action\":\"updated\"}");
        BroadcastMessage message = BroadcastMessage.of("backend_poster", payload, null);
        assertThat(message.toJson()).isEqualTo("{\"event\":\"backend_poster\",\"data\":{\"poster\":{\"id\":42,"
                + "\"url\":\"https:\\/\\/example.test\\/posters\\/42\",\"tags\":[\"\\u00fcn\\u00efc\\u00f8d\\u00e9 \\u2713\"]},"
                + "\"action\":\"updated\",\"socket\":null},\"socket\":null}");
        assertThat(payload.has("socket")).as("the caller's payload is not modified").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "null", "{\"data\":{}}", "{\"event\":5}", "{\"event\":\"\"}",
            "{\"event\":\"e\",\"socket\":{}}"})
    void rejectsWhatIsNotABroadcastMessage(String input) {
        assertThatThrownBy(() -> BroadcastMessage.parse(input))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("broadcast message");
    }

    @Test
    void missingDataIsNull() throws Exception {
        assertThat(BroadcastMessage.parse("{\"event\":\"e\"}").data().isNull()).isTrue();
    }
}
