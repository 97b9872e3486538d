package io.echostack.events.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.Fixtures;
import io.echostack.events.MutableClock;
import io.echostack.events.TestRedisConnection;
import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.json.Json;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Our scripts against a real Redis, side by side with the scripts Laravel 8 sent (captured by redis-cli monitor). */
class RedisQueueTest {
    private static final RedisPrefix PREFIX = RedisPrefix.LARAVEL_DEFAULT;
    @RegisterExtension
    static final TestRedisConnection REDIS = new TestRedisConnection();

    private RedisCommands<String, String> redis;
    private MutableClock clock;
    private RedisQueue queue;

    @BeforeEach
    void freshQueue() {
        redis = REDIS.commands();
        redis.flushdb();
        clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
        queue = new RedisQueue(REDIS.scripts(), PREFIX, false, clock);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** What Laravel's RedisQueue::pop does with its own scripts: migrate delayed, migrate reserved, pop. */
    private List<Object> laravelPushAndPop(String queueName, String payload, int retryAfter) {
        QueueKeys keys = QueueKeys.of(PREFIX, queueName);
        String[] push = {keys.ready(), keys.notifyList()};
        redis.eval(Fixtures.laravelScript("Push the job onto the queue"), ScriptOutputType.STATUS, push, payload);
        String migrate = Fixtures.laravelScript("Get all of the jobs with an expired");
        String now = Long.toString(now());
        redis.eval(migrate, ScriptOutputType.MULTI, new String[] {keys.delayed(), keys.ready(), keys.notifyList()}, now);
        redis.eval(migrate, ScriptOutputType.MULTI, new String[] {keys.reserved(), keys.ready(), keys.notifyList()}, now);
        return redis.eval(Fixtures.laravelScript("Pop the first job off of the queue"), ScriptOutputType.MULTI,
                new String[] {keys.ready(), keys.reserved(), keys.notifyList()}, Long.toString(now() + retryAfter));
    }

    private List<String> payloads() throws Exception {
        List<String> payloads = new ArrayList<>(Fixtures.queueJobs());
        ObjectNode data = (ObjectNode) Json.mapper().readTree("{\"total\":1,\"url\":\"/a/b\",\"msg\":\"海报☆x☆已新增!\"}");
        payloads.add(new BroadcastJob(List.of("poster_room"), "backend_poster", data, null).toEnvelope(clock.instant()).toJson());
        return payloads;
    }

    @Test
    void ourScriptsPopExactlyWhatLaravelsScriptsPop() throws Exception {
        int n = 0;
        for (String payload : payloads()) {
            String laravelQueue = "laravel-" + n;
            String ourQueue = "ours-" + n++;
            List<Object> laravel = laravelPushAndPop(laravelQueue, payload, 90);

            queue.push(ourQueue, payload);
            ReservedJob ours = queue.pop(ourQueue, 90).orElseThrow();

            assertThat(ours.raw()).isEqualTo(laravel.get(0)).isEqualTo(payload);
            assertThat(ours.reserved()).isEqualTo(laravel.get(1));
            assertThat(ours.envelope().attempts).isEqualTo(1);
            assertThat(redis.zscore(queue.keys(ourQueue).reserved(), ours.reserved()))
                    .isEqualTo(redis.zscore(QueueKeys.of(PREFIX, laravelQueue).reserved(), (String) laravel.get(1)))
                    .isEqualTo((double) now() + 90);
            for (String key : List.of(queue.keys(ourQueue).ready(), queue.keys(ourQueue).notifyList(),
                    QueueKeys.of(PREFIX, laravelQueue).ready(), QueueKeys.of(PREFIX, laravelQueue).notifyList())) {
                assertThat(redis.llen(key)).as(key).isZero();
            }
        }
    }

    @Test
    void aJobPushedByLaravelsScriptIsPoppedByOurs() throws Exception {
        String payload = Fixtures.queueJobs().get(1);
        QueueKeys keys = queue.keys("default");
        redis.eval(Fixtures.laravelScript("Push the job onto the queue"), ScriptOutputType.STATUS,
                new String[] {keys.ready(), keys.notifyList()}, payload);
        assertThat(redis.llen(keys.notifyList())).isEqualTo(1);
        ReservedJob job = queue.pop("default", 90).orElseThrow();
        assertThat(job.raw()).isEqualTo(payload);
        assertThat(redis.llen(keys.notifyList())).isZero();
    }

    @Test
    void aPayloadThatIsNotAJobIsReservedUnchangedInsteadOfLost() {
        for (String poison : List.of("not json", "[1,2]", "{\"job\":\"A@b\"}", "{\"attempts\":\"x\"}")) {
            queue.push("default", poison);
            ReservedJob job = queue.pop("default", 90).orElseThrow();
            assertThat(job.raw()).isEqualTo(poison);
            assertThat(job.reserved()).isEqualTo(poison);
            assertThat(redis.zscore(queue.keys("default").reserved(), poison)).isEqualTo((double) now() + 90);
            assertThat(queue.delete(job)).isTrue();
        }
        assertThat(queue.size("default")).isZero();
        assertThat(redis.llen(queue.keys("default").notifyList())).isZero();
    }

    @Test
    void emptyQueuePopsNothing() {
        assertThat(queue.pop("default", 90)).isEmpty();
    }

    @Test
    void deleteRemovesTheReservation() {
        queue.push("default", Fixtures.queueJobs().get(0));
        ReservedJob job = queue.pop("default", 90).orElseThrow();
        assertThat(queue.delete(job)).isTrue();
        assertThat(redis.zcard(queue.keys("default").reserved())).isZero();
        assertThat(queue.delete(job)).as("second delete finds nothing").isFalse();
        assertThat(queue.size("default")).isZero();
    }

    @Test
    void expiredReservationIsRetriedWithItsAttemptCounted() throws Exception {
        queue.push("default", Fixtures.queueJobs().get(0));
        ReservedJob first = queue.pop("default", 90).orElseThrow();
        assertThat(queue.pop("default", 90)).as("still reserved").isEmpty();

        clock.advance(Duration.ofSeconds(91));
        ReservedJob second = queue.pop("default", 90).orElseThrow();
        assertThat(second.envelope().attempts).isEqualTo(2);
        assertThat(second.raw()).isEqualTo(first.reserved());
    }

    @Test
    void retryAfterNullNeverMigratesReservations() {
        queue.push("default", Fixtures.queueJobs().get(0));
        queue.pop("default", null).orElseThrow();
        clock.advance(Duration.ofDays(1));
        assertThat(queue.pop("default", null)).isEmpty();
        assertThat(redis.zcard(queue.keys("default").reserved())).isEqualTo(1);
    }

    @Test
    void releaseDelaysTheNextAttempt() throws Exception {
        queue.push("default", Fixtures.queueJobs().get(0));
        ReservedJob job = queue.pop("default", 90).orElseThrow();
        queue.release(job, 10);
        assertThat(redis.zcard(queue.keys("default").reserved())).isZero();
        assertThat(redis.zscore(queue.keys("default").delayed(), job.reserved())).isEqualTo((double) now() + 10);

        clock.advance(Duration.ofSeconds(9));
        assertThat(queue.pop("default", 90)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.pop("default", 90).orElseThrow().envelope().attempts).isEqualTo(2);
    }

    @Test
    void laterJobsBecomeReadyWhenDueInOrder() {
        queue.later("default", 5, Fixtures.queueJobs().get(0));
        queue.later("default", 3, Fixtures.queueJobs().get(1));
        assertThat(queue.size("default")).isEqualTo(2);
        assertThat(queue.pop("default", 90)).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(queue.pop("default", 90).orElseThrow().raw()).isEqualTo(Fixtures.queueJobs().get(1));
        assertThat(queue.pop("default", 90).orElseThrow().raw()).isEqualTo(Fixtures.queueJobs().get(0));
    }

    @Test
    void clearDropsEveryKeyAndCountsTheJobs() {
        queue.push("default", Fixtures.queueJobs().get(0));
        queue.push("default", Fixtures.queueJobs().get(1));
        queue.later("default", 60, Fixtures.queueJobs().get(2));
        queue.pop("default", 90).orElseThrow();
        assertThat(queue.size("default")).isEqualTo(3);
        assertThat(queue.clear("default")).isEqualTo(3);
        assertThat(redis.keys("laravel_database_queues:default*")).isEmpty();
    }

    @Test
    void scriptsAreReloadedAfterScriptFlush() {
        queue.push("default", Fixtures.queueJobs().get(0));
        redis.scriptFlush();
        assertThat(queue.pop("default", 90)).isPresent();
    }

    @Test
    void statsCountEachStateAndAgeTheOldestPendingJob() throws Exception {
        String broadcast = payloads().get(payloads().size() - 1); // createdAt = now
        queue.push("default", Fixtures.queueJobs().get(0)); // Laravel 8: no createdAt
        queue.pop("default", 90).orElseThrow();
        queue.push("default", broadcast);
        queue.push("default", Fixtures.queueJobs().get(1));
        queue.later("default", 60, Fixtures.queueJobs().get(2));
        clock.advance(Duration.ofSeconds(7));

        QueueStats stats = queue.stats("default");

        assertThat(stats.pending()).isEqualTo(2);
        assertThat(stats.delayed()).isEqualTo(1);
        assertThat(stats.reserved()).isEqualTo(1);
        assertThat(stats.oldestAgeSeconds(now())).contains(7L);
        queue.clear("default");
        queue.push("default", Fixtures.queueJobs().get(0));
        assertThat(queue.stats("default").oldestCreatedAt()).isEmpty();
        assertThat(queue.stats("empty")).isEqualTo(new QueueStats(0, 0, 0, Optional.empty()));
    }

    @Test
    void migrateDueThenReserveIsPop() {
        queue.later("default", 5, Fixtures.queueJobs().get(0));
        clock.advance(Duration.ofSeconds(5));
        assertThat(queue.reserve("default", 90)).isEmpty();
        queue.migrateDue("default", 90);
        assertThat(queue.reserve("default", 90).orElseThrow().raw()).isEqualTo(Fixtures.queueJobs().get(0));
    }

    @Test
    void reservingSeveralHasTheEffectsOfAsManyPops() throws Exception {
        List<String> jobs = new ArrayList<>(Fixtures.queueJobs().subList(0, 2));
        jobs.add("not json");
        for (String name : List.of("single", "batch")) {
            jobs.forEach(payload -> queue.push(name, payload));
        }
        List<ReservedJob> single = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            single.add(queue.reserve("single", 90).orElseThrow());
        }

        List<ReservedJob> batch = queue.reserve("batch", 90, 10);

        assertThat(batch).extracting(ReservedJob::raw).containsExactlyElementsOf(jobs);
        assertThat(batch).extracting(ReservedJob::reserved)
                .containsExactlyElementsOf(single.stream().map(ReservedJob::reserved).toList());
        assertThat(batch.get(0).envelope().attempts).isEqualTo(1);
        for (ReservedJob job : batch) {
            assertThat(redis.zscore(queue.keys("batch").reserved(), job.reserved())).isEqualTo((double) now() + 90);
        }
        assertThat(redis.llen(queue.keys("batch").notifyList())).isZero();
        assertThat(redis.llen(queue.keys("batch").ready())).isZero();
        assertThat(queue.reserve("batch", 90, 10)).isEmpty();
    }

    @Test
    void reservingSeveralTakesAtMostTheCountOldestFirst() {
        Fixtures.queueJobs().subList(0, 3).forEach(payload -> queue.push("default", payload));

        assertThat(queue.reserve("default", 90, 2)).extracting(ReservedJob::raw)
                .containsExactlyElementsOf(Fixtures.queueJobs().subList(0, 2));
        assertThat(queue.reserve("default", 90, 2)).extracting(ReservedJob::raw)
                .containsExactly(Fixtures.queueJobs().get(2));
        assertThat(redis.zcard(queue.keys("default").reserved())).isEqualTo(3);
    }

    @Test
    void publishAndDeletePublishesEachJobToEveryChannelThenRemovesItsReservation() throws Exception {
        Fixtures.queueJobs().subList(0, 2).forEach(payload -> queue.push("default", payload));
        List<ReservedJob> reserved = queue.reserve("default", 90, 2);
        BroadcastJob first = broadcast("first", "poster_room", "private-a");
        BroadcastJob second = broadcast("second", "poster_room");
        try (StatefulRedisPubSubConnection<String, String> sub = REDIS.connectPubSub()) {
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String body) {
                    received.add(channel + " " + body);
                }
            });
            sub.sync().psubscribe(PREFIX.subscribePattern());
            queue.delete(reserved.get(1)); // as if its reservation had expired and moved on

            assertThat(queue.publishAndDelete(List.of(new ReservedBroadcast(reserved.get(0), first),
                    new ReservedBroadcast(reserved.get(1), second)))).containsExactly(true, false);

            assertThat(redis.zcard(queue.keys("default").reserved())).isZero();
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                messages.add(received.poll(5, TimeUnit.SECONDS));
            }
            String firstMessage = new String(first.messageJson(), StandardCharsets.UTF_8);
            assertThat(messages).containsExactly("laravel_database_poster_room " + firstMessage,
                    "laravel_database_private-a " + firstMessage,
                    "laravel_database_poster_room " + new String(second.messageJson(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void publishAndDeleteRefusesJobsOfSeveralQueues() {
        byte[] emptyObject = "{}".getBytes(StandardCharsets.UTF_8);
        ReservedBroadcast a = new ReservedBroadcast(new ReservedJob("a", emptyObject, emptyObject), broadcast("e", "room"));
        ReservedBroadcast b = new ReservedBroadcast(new ReservedJob("b", emptyObject, emptyObject), broadcast("e", "room"));

        assertThatThrownBy(() -> queue.publishAndDelete(List.of(a, b))).isInstanceOf(IllegalArgumentException.class);
    }

    private static BroadcastJob broadcast(String event, String... channels) {
        return new BroadcastJob(List.of(channels), event, Json.mapper().createObjectNode().put("msg", "海报☆"), null);
    }
}
