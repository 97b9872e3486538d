package io.echostack.events.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelNameTest {

    @ParameterizedTest(name = "{0} is {1}, needs auth: {2}")
    @CsvSource({
            "poster_room, PUBLIC, false",
            "private-App.Models.User.1, PRIVATE, true",
            "presence-chat.1, PRESENCE, true",
            // laravel-echo-server's unanchored "needs auth" match, kept on purpose
            "foo-private-bar, PRIVATE, true",
            "foo-presence-bar, PRIVATE, true",
            // presence only by prefix
            "private-presence-x, PRIVATE, true",
            "PresenceChannelUpdated, PUBLIC, false",
            "'', PUBLIC, false"
    })
    void detectsKindsAsLaravelEchoServerDoes(String name, ChannelKind kind, boolean needsAuth) {
        ChannelName channel = ChannelName.of(name);
        assertThat(channel.kind()).isEqualTo(kind);
        assertThat(channel.requiresAuth()).isEqualTo(needsAuth);
        assertThat(channel.isPresence()).isEqualTo(kind == ChannelKind.PRESENCE);
    }
}
