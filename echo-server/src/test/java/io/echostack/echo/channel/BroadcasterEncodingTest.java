package io.echostack.echo.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.events.broadcast.BroadcastMessage;
import io.echostack.events.json.Json;
import org.junit.jupiter.api.Test;

class BroadcasterEncodingTest {

    @Test
    void encodesAnEventPacketKeepingLaravelsKeyOrderAsNodeWould() throws Exception {
        BroadcastMessage message = BroadcastMessage.parse(
                "{\"event\":\"backend_poster\",\"data\":{\"zeta\":1,\"alpha\":2.50,\"url\":\"https:\\/\\/x.test\\/1\","
                        + "\"name\":\"\\u00fcn\\u00efc\\u00f8d\\u00e9 \\u2713\",\"socket\":null},\"socket\":null}");

        String packet = Broadcaster.encode(message.event(), "poster_room", message.data());

        assertThat(packet).isEqualTo("2[\"backend_poster\",\"poster_room\",{\"zeta\":1,\"alpha\":2.5,"
                + "\"url\":\"https://x.test/1\",\"name\":\"ünïcødé ✓\",\"socket\":null}]");
    }

    @Test
    void encodesMissingDataAsNull() throws Exception {
        BroadcastMessage message = BroadcastMessage.parse("{\"event\":\"e\"}");
        assertThat(Broadcaster.encode(message.event(), "c", message.data())).isEqualTo("2[\"e\",\"c\",null]");
    }

    @Test
    void escapesEventAndChannelAndCopiesAnyJsonValueAsData() {
        assertThat(Broadcaster.encode("App\\Events\\X", "c\"1", "[1,\"two\"]"))
                .isEqualTo("2[\"App\\\\Events\\\\X\",\"c\\\"1\",[1,\"two\"]]");
    }

    /** Event and channel names are escaped as Jackson's generator escapes strings (what this encoder used before). */
    @Test
    void escapesNamesAsJacksonsGeneratorDoes() throws Exception {
        for (String name : new String[] {"plain", "new\nline\ttab\u0001\u001f\b\f\r", "quote\" back\\slash /",
                "é海\u2028\uD83D\uDE00", ""}) {
            String arrayOfNames = Json.mapper().writeValueAsString(new String[] {name, name});
            assertThat(Broadcaster.encode(name, name, "0"))
                    .isEqualTo("2" + arrayOfNames.substring(0, arrayOfNames.length() - 1) + ",0]");
        }
    }
}
