package io.echostack.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelPatternTest {

    @Test
    void matchesWholeNamesWithOneSegmentPerPlaceholder() {
        ChannelPattern pattern = ChannelPattern.of("App.Models.User.{id}");

        assertThat(pattern.match("App.Models.User.7")).contains(Map.of("id", "7"));
        assertThat(pattern.match("App.Models.User.7.extra")).isEmpty();
        assertThat(pattern.match("AppXModels.User.7")).as("dots are literal").isEmpty();
        assertThat(pattern.match("x.App.Models.User.7")).isEmpty();
    }

    @Test
    void extractsSeveralPlaceholdersByName() {
        assertThat(ChannelPattern.of("chat.{room}.{user}").match("chat.lobby.3"))
                .contains(Map.of("room", "lobby", "user", "3"));
        assertThat(ChannelPattern.of("admins").match("admins")).contains(Map.of());
    }
}
