package io.echostack.events.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echostack.events.Fixtures;
import io.echostack.events.MutableClock;
import io.echostack.events.TestRedisConnection;
import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.json.Json;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-minute processed and failed counters on a real Redis: written by the worker's scripts, read back. */
class QueueThroughputTest {
    private static final Instant START = Instant.parse("2026-11-26T12:00:30Z");
    private static final long START_MINUTE = START.getEpochSecond() / 60;
    @RegisterExtension
    static final TestRedisConnection REDIS = new TestRedisConnection();

    private RedisCommands<String, String> redis;
    private MutableClock clock;
    private RedisQueue queue;

    @BeforeEach
    void freshQueue() {
        redis = REDIS.commands();
        redis.flushdb();
        clock = new MutableClock(START);
        queue = new RedisQueue(REDIS.scripts(), RedisPrefix.LARAVEL_DEFAULT, false, clock);
    }

    @Test
    void counterKeysHangOffTheQueueKeyByUnixMinute() {
        QueueKeys keys = queue.keys("default");
        assertThat(keys.processed(29_773_440)).isEqualTo("laravel_database_queues:default:processed:29773440");
        assertThat(keys.failed(29_773_440)).isEqualTo("laravel_database_queues:default:failed:29773440");
    }

    @Test
    void publishAndDeleteCountsTheBatchInItsMinuteWithAnExpiry() {
        publishAndDelete(3);
        clock.advance(Duration.ofMinutes(2));
        publishAndDelete(2);

        QueueThroughput throughput = queue.throughput("default", START_MINUTE + 2, 4);

        assertThat(throughput.minutes()).containsExactly(
                new QueueThroughput.Minute(START_MINUTE - 1, 0, 0),
                new QueueThroughput.Minute(START_MINUTE, 3, 0),
                new QueueThroughput.Minute(START_MINUTE + 1, 0, 0),
                new QueueThroughput.Minute(START_MINUTE + 2, 2, 0));
        assertThat(throughput.totalProcessed()).isEqualTo(5);
        long ttl = redis.ttl(queue.keys("default").processed(START_MINUTE));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(QueueKeys.COUNTER_TTL_SECONDS)
                .isGreaterThan(QueueKeys.COUNTER_MINUTES * 60L);
    }

    @Test
    void deleteFailedRemovesTheReservationAndCountsOneFailure() {
        queue.push("default", Fixtures.queueJobs().get(0));
        queue.push("default", Fixtures.queueJobs().get(1));
        List<ReservedJob> jobs = queue.reserve("default", 90, 2);

        assertThat(queue.deleteFailed(jobs.get(0))).isTrue();
        queue.delete(jobs.get(1)); // its reservation expired and moved on: the failed_jobs row still counts
        assertThat(queue.deleteFailed(jobs.get(1))).isFalse();

        assertThat(queue.size("default")).isZero();
        assertThat(queue.throughput("default", START_MINUTE, 1).minutes())
                .containsExactly(new QueueThroughput.Minute(START_MINUTE, 0, 2));
        assertThat(redis.ttl(queue.keys("default").failed(START_MINUTE))).isPositive();
    }

    @Test
    void countersArePerQueue() {
        publishAndDelete(1);

        assertThat(queue.throughput("other", START_MINUTE, 1).totalProcessed()).isZero();
        assertThat(queue.throughput("default", START_MINUTE, 1).totalProcessed()).isEqualTo(1);
    }

    @Test
    void windowIsOneToSixtyMinutes() {
        assertThat(queue.throughput("default", START_MINUTE, 60).minutes()).hasSize(60);
        assertThatThrownBy(() -> queue.throughput("default", START_MINUTE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.throughput("default", START_MINUTE, 61))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void publishAndDelete(int jobs) {
        BroadcastJob broadcast = new BroadcastJob(List.of("room"), "e", Json.mapper().createObjectNode(), null);
        for (int i = 0; i < jobs; i++) {
            queue.push("default", broadcast.toEnvelope(clock.instant()).toJson()); // each with its own uuid
        }
        List<ReservedBroadcast> batch = queue.reserve("default", 90, jobs).stream()
                .map(reserved -> new ReservedBroadcast(reserved, broadcast)).toList();
        assertThat(queue.publishAndDelete(batch)).hasSize(jobs).containsOnly(true);
    }
}
