package io.echostack.events.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echostack.events.Fixtures;
import io.echostack.events.MalformedPayloadException;
import io.echostack.events.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
            assertThat(Json.mapper().readTree(message.data()).has("socket")).as("Laravel copies socket into data").isTrue();
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
    @ValueSource(strings = {"not json", "", "[1,2]", "null", "{\"data\":{}}", "{\"event\":5}", "{\"event\":\"\"}",
            "{\"event\":{\"name\":\"e\"}}", "{\"event\":\"e\"} trailing", "{\"event\":\"e\"}{}",
            "{\"event\":\"e\",\"data\":{\"a\":1}",
            "{\"event\":\"e\",\"data\":{\"a\":}}", "{\"event\":\"e\",\"data\":[1,2}"})
    void rejectsWhatIsNotABroadcastMessage(String input) {
        assertThatThrownBy(() -> BroadcastMessage.parse(input))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("broadcast message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "true", "{}", "[\"s.1\"]", "null"})
    void aSocketThatIsNoStringExcludesNobody(String socket) throws Exception {
        BroadcastMessage message = BroadcastMessage.parse("{\"event\":\"e\",\"data\":{},\"socket\":" + socket + "}");

        assertThat(message.socket()).isNull();
        assertThat(message.data()).isEqualTo("{}");
    }

    @Test
    void missingDataIsNull() throws Exception {
        assertThat(BroadcastMessage.parse("{\"event\":\"e\"}").data()).isEqualTo("null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":{\"b\":[1,2.50,true,null]},\"c\":\"x\"} | {\"a\":{\"b\":[1,2.5,true,null]},\"c\":\"x\"}",
        "\"https:\\/\\/x.test\\/\\u00e9 \\u2713\" | \"https://x.test/é ✓\"",
        "[] | []",
        "12345678901234567890 | 12345678901234567890",
        "-0.5e3 | -500.0",
        "false | false",
        "null | null"})
    void dataIsAnyJsonValueAsPlainJsonText(String published, String data) throws Exception {
        BroadcastMessage message = BroadcastMessage.parse("{\"event\":\"e\",\"data\":" + published + ",\"socket\":null}");
        assertThat(message.data()).isEqualTo(data);
    }

    @Test
    void membersMayComeInAnyOrderAndUnknownOnesAreSkipped() throws Exception {
        BroadcastMessage message = BroadcastMessage.parse(
                "{\"extra\":{\"event\":\"no\"},\"data\":{\"k\":[{}]},\"socket\":\"s.1\",\"event\":\"e\",\"more\":[1]}");
        assertThat(message).isEqualTo(new BroadcastMessage("e", "{\"k\":[{}]}", "s.1"));
    }
}
