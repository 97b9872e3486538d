package io.echostack.echo.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
    void encodesMissingDataAsNull() {
        assertThat(Broadcaster.encode("e", "c", null)).isEqualTo("2[\"e\",\"c\",null]");
    }

    @Test
    void encodesAnyJsonValueAsData() throws Exception {
        JsonNode data = Json.mapper().readTree("[1,\"two\"]");
        assertThat(Broadcaster.encode("App\\Events\\X", "c", data)).isEqualTo("2[\"App\\\\Events\\\\X\",\"c\",[1,\"two\"]]");
    }
}
