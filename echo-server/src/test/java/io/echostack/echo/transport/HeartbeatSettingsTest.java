package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.events.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatSettingsTest {

    @Test
    void defaultsKeepEio3ClientsAliveAfterAnUpgrade() {
        HeartbeatSettings settings = HeartbeatSettings.from(Json.mapper().createObjectNode());

        assertThat(settings).isEqualTo(new HeartbeatSettings(25_000, 60_000));
        assertThat(settings.idleTimeout()).isGreaterThan(Duration.ofMillis(85_000));
    }

    @Test
    void aTimeoutNotWellAboveTheIntervalIsRaised() throws Exception {
        HeartbeatSettings settings = HeartbeatSettings.from(
                Json.mapper().readTree("{\"pingInterval\": 10000, \"pingTimeout\": 5000}"));

        assertThat(settings).isEqualTo(new HeartbeatSettings(10_000, 20_000));
    }

    @Test
    void invalidValuesFallBackToTheDefaults() throws Exception {
        assertThat(HeartbeatSettings.from(Json.mapper().readTree("{\"pingInterval\": \"x\", \"pingTimeout\": -1}")))
                .isEqualTo(new HeartbeatSettings(25_000, 60_000));
        assertThat(HeartbeatSettings.from(null)).isEqualTo(new HeartbeatSettings(25_000, 60_000));
    }
}
