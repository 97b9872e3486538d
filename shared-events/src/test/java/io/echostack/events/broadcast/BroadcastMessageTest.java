package io.echostack.events.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echostack.events.Fixtures;
import io.echostack.events.MalformedPayloadException;
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
