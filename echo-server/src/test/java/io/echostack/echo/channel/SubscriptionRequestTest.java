package io.echostack.echo.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.events.broadcast.ChannelKind;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class SubscriptionRequestTest {

    @Test
    void readsWhatLaravelEchoSends() {
        JSONObject payload = new JSONObject("{\"channel\":\"poster_room\",\"auth\":{\"headers\":{\"Authorization\":\"Bearer u\"}}}");

        SubscriptionRequest request = SubscriptionRequest.from(new Object[] {payload}).orElseThrow();

        assertThat(request.channel().value()).isEqualTo("poster_room");
        assertThat(request.channel().kind()).isEqualTo(ChannelKind.PUBLIC);
        assertThat(request.auth().getJSONObject("headers").getString("Authorization")).isEqualTo("Bearer u");
    }

    @Test
    void ignoresPayloadsWithoutAChannelName() {
        assertThat(SubscriptionRequest.from(null)).isEmpty();
        assertThat(SubscriptionRequest.from(new Object[0])).isEmpty();
        assertThat(SubscriptionRequest.from(new Object[] {null})).isEmpty();
        assertThat(SubscriptionRequest.from(new Object[] {"poster_room"})).isEmpty();
        assertThat(SubscriptionRequest.from(new Object[] {new JSONObject()})).isEmpty();
        assertThat(SubscriptionRequest.from(new Object[] {new JSONObject("{\"channel\":\"\"}")})).isEmpty();
        assertThat(SubscriptionRequest.from(new Object[] {new JSONObject("{\"channel\":42}")})).isEmpty();
    }

    @Test
    void authIsOptional() {
        SubscriptionRequest request = SubscriptionRequest.from(new Object[] {new JSONObject("{\"channel\":\"private-a\"}")})
                .orElseThrow();

        assertThat(request.auth()).isNull();
        assertThat(request.channel().kind()).isEqualTo(ChannelKind.PRIVATE);
    }
}
