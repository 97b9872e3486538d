package io.echostack.echo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthResultTest {

    @Test
    void channelDataIsAnObjectOrAJsonString() {
        assertThat(AuthResult.answered(200, "{\"channel_data\":{\"user_id\":1}}").channelData().get("user_id").asInt())
                .isEqualTo(1);
        assertThat(AuthResult.answered(200, "{\"auth\":\"k:s\",\"channel_data\":\"{\\\"user_id\\\":2}\"}")
                .channelData().get("user_id").asInt()).isEqualTo(2);
        assertThat(AuthResult.answered(200, "true").channelData()).isNull();
        assertThat(AuthResult.answered(200, "{\"channel_data\":\"not json\"}").channelData()).isNull();
        assertThat(AuthResult.answered(200, "<html>").channelData()).isNull();
    }

    @Test
    void onlyTwoHundredIsGranted() {
        assertThat(AuthResult.answered(200, "true").granted()).isTrue();
        assertThat(AuthResult.answered(204, "").granted()).isFalse();
        assertThat(AuthResult.failed("refused").status()).isZero();
    }
}
