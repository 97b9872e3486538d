package io.echostack.events.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisPrefixTest {

    @Test
    void laravelDefaultPrefixesChannelsAndPattern() {
        RedisPrefix prefix = RedisPrefix.LARAVEL_DEFAULT;
        assertThat(prefix.apply("poster_room")).isEqualTo("laravel_database_poster_room");
        assertThat(prefix.subscribePattern()).isEqualTo("laravel_database_*");
        assertThat(prefix.strip("laravel_database_private-App.Models.User.1")).isEqualTo("private-App.Models.User.1");
    }

    @Test
    void emptyPrefixSubscribesToEverything() {
        assertThat(RedisPrefix.NONE.subscribePattern()).isEqualTo("*");
        assertThat(RedisPrefix.NONE.strip("orders")).isEqualTo("orders");
    }

    @Test
    void stripRemovesPrefixLengthWithoutCheckingLikeTheReference() {
        assertThat(new RedisPrefix("abc_").strip("xyz_orders")).isEqualTo("orders");
        assertThat(new RedisPrefix("abc_").strip("ab")).isEmpty();
    }
}
