package io.echostack.events.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echostack.events.broadcast.RedisPrefix;
import org.junit.jupiter.api.Test;

class QueueKeysTest {

    @Test
    void laravelLayout() {
        QueueKeys keys = QueueKeys.of(RedisPrefix.LARAVEL_DEFAULT, "default");
        assertThat(keys.ready()).isEqualTo("laravel_database_queues:default");
        assertThat(keys.delayed()).isEqualTo("laravel_database_queues:default:delayed");
        assertThat(keys.reserved()).isEqualTo("laravel_database_queues:default:reserved");
        assertThat(keys.notifyList()).isEqualTo("laravel_database_queues:default:notify");
    }

    @Test
    void clusterHashTagsKeepAllFourKeysInOneSlot() {
        QueueKeys keys = QueueKeys.of(RedisPrefix.NONE, "high", true);
        assertThat(keys.ready()).isEqualTo("queues:{high}");
        assertThat(keys.reserved()).isEqualTo("queues:{high}:reserved");
    }

    @Test
    void blankQueueNameIsRefused() {
        assertThatThrownBy(() -> QueueKeys.of(RedisPrefix.NONE, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
