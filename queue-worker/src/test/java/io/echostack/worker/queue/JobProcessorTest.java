package io.echostack.worker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import io.echostack.events.queue.JobEnvelope;
import io.echostack.events.queue.QueueKeys;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import io.echostack.events.script.LuaScript;
import io.echostack.events.script.ScriptExecutor;
import io.echostack.worker.failed.FailedJobStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Laravel's attempt/failure rules, with a fake Redis that can fail the publish (WorkerTest covers the real one). */
class JobProcessorTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final WorkerOptions OPTIONS = WorkerOptions.defaults("default").build();
    private static final byte[] GARBAGE = "garbage".getBytes(StandardCharsets.UTF_8);

    private final FakeRedis redis = new FakeRedis();
    private final List<Throwable> failures = new ArrayList<>();
    private final FailedJobStore failedJobs = new RecordingFailedJobs(failures);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RedisQueue queue = new RedisQueue(redis, RedisPrefix.LARAVEL_DEFAULT, false, clock);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final JobProcessor processor = new JobProcessor(
            new BroadcastJobHandler(limit -> queue), queue,
            failedJobs, new JobMetrics(metrics), clock, Duration.ofSeconds(5), JobLines.toStandardOutput(clock));

    @Test
    void publishesAndDeletesItsReservationInOneScript() {
        ReservedJob job = reservation(envelope(null, null), 1);

        processor.process(job, OPTIONS);

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE);
        assertThat(redis.calls.get(0).keys()).containsExactly("laravel_database_queues:default:reserved",
                "laravel_database_queues:default:processed:" + NOW.getEpochSecond() / 60);
        assertThat(redis.calls.get(0).args().get(0)).isEqualTo(Long.toString(QueueKeys.COUNTER_TTL_SECONDS));
        assertThat(redis.calls.get(0).args().get(1)).isEqualTo(job.reserved());
        assertThat(redis.calls.get(0).args().get(3)).isEqualTo("1");
        assertThat(redis.calls.get(0).args().get(4)).isEqualTo("laravel_database_poster_room");
        assertThat(failures).isEmpty();
        assertThat(count("processed")).isEqualTo(1);
    }

    @Test
    void runsTheRunnableJobsOfABatchInOneScriptAfterFailingTheOthers() {
        ReservedJob garbage = new ReservedJob("default", GARBAGE, GARBAGE);

        processor.process(List.of(reservation(envelope(null, null), 1), garbage, reservation(envelope(null, null), 1)),
                OPTIONS);

        assertThat(redis.scripts()).containsExactly(LuaScript.DELETE_FAILED, LuaScript.PUBLISH_DELETE);
        assertThat(redis.calls.get(1).args()).hasSize(9);
        assertThat(failures).hasSize(1);
        assertThat(count("processed")).isEqualTo(2);
    }

    @Test
    void aFailedBatchCallGivesEachJobItsOwnOutcome() {
        redis.failPublish = true;

        processor.process(List.of(reservation(envelope(3, "4"), 1), reservation(envelope(null, null), 1)), OPTIONS);

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE, LuaScript.RELEASE, LuaScript.DELETE_FAILED);
        assertThat(count("released")).isEqualTo(1);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void releasesWithBackoffWhenRedisFailsAndTriesRemain() {
        redis.failPublish = true;

        processor.process(reservation(envelope(3, "1,5,10"), 2), OPTIONS);

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE, LuaScript.RELEASE);
        assertThat(redis.calls.get(1).args().get(1)).isEqualTo(Long.toString(NOW.getEpochSecond() + 5));
        assertThat(failures).isEmpty();
        assertThat(count("released")).isEqualTo(1);
    }

    @Test
    void usesTheWorkerBackoffWhenTheJobHasNone() {
        redis.failPublish = true;

        processor.process(reservation(envelope(null, null), 1), OPTIONS.builder().tries(2).backoff("7").build());

        assertThat(redis.calls.get(1).args().get(1)).isEqualTo(Long.toString(NOW.getEpochSecond() + 7));
    }

    @Test
    void failsWhenRedisFailsOnTheLastTry() {
        redis.failPublish = true;

        processor.process(reservation(envelope(null, null), 1), OPTIONS);

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE, LuaScript.DELETE_FAILED);
        assertThat(failures).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void retriesForeverWithZeroTries() {
        redis.failPublish = true;

        processor.process(reservation(envelope(null, null), 40), OPTIONS.builder().tries(0).build());

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE, LuaScript.RELEASE);
    }

    @Test
    void refusesAJobPastItsAttemptsWithoutRunningIt() {
        processor.process(reservation(envelope(2, null), 3), OPTIONS);

        assertThat(redis.scripts()).containsExactly(LuaScript.DELETE_FAILED);
        assertThat(failures).singleElement().isInstanceOf(MaxAttemptsExceededException.class);
    }

    @Test
    void retryUntilWinsOverTries() {
        JobEnvelope envelope = envelope(1, null);
        envelope.retryUntil = NOW.getEpochSecond() + 60;
        redis.failPublish = true;

        processor.process(reservation(envelope, 5), OPTIONS);

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE, LuaScript.RELEASE);

        envelope.retryUntil = NOW.getEpochSecond() - 1;
        redis.calls.clear();
        processor.process(reservation(envelope, 5), OPTIONS);

        assertThat(redis.scripts()).containsExactly(LuaScript.DELETE_FAILED);
        assertThat(failures).singleElement().isInstanceOf(MaxAttemptsExceededException.class);
    }

    @Test
    void failsAnUnreadablePayloadWithoutRetrying() {
        ReservedJob job = new ReservedJob("default", GARBAGE, GARBAGE);

        processor.process(job, OPTIONS.builder().tries(5).build());

        assertThat(redis.scripts()).containsExactly(LuaScript.DELETE_FAILED);
        assertThat(failures).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("job payload is not JSON: Unrecognized token 'garbage'");
    }

    @Test
    void aTimedOutJobStaysReservedForRetryAfterWhileTriesRemain() {
        redis.timeOutPublish = true;

        processor.process(reservation(envelope(3, null), 1), OPTIONS.builder().timeout(1).build());

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE);
        assertThat(failures).isEmpty();
        assertThat(count("timed_out")).isEqualTo(1);
    }

    @Test
    void aTimedOutJobFailsOnItsLastAttemptOrWithFailOnTimeout() {
        redis.timeOutPublish = true;
        processor.process(reservation(envelope(2, null), 2), OPTIONS.builder().timeout(1).build());
        JobEnvelope failOnTimeout = envelope(5, null);
        failOnTimeout.failOnTimeout = true;
        processor.process(reservation(failOnTimeout, 1), OPTIONS.builder().timeout(1).build());

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE, LuaScript.DELETE_FAILED, LuaScript.PUBLISH_DELETE,
                LuaScript.DELETE_FAILED);
        assertThat(failures).hasSize(2).allSatisfy(error -> assertThat(error)
                .isInstanceOf(TimeoutExceededException.class).hasMessage("backend_poster has timed out."));
    }

    @Test
    void aSlowRedisBeyondTheRedisTimeoutIsARedisErrorWhenTheJobTimeoutIsLonger() {
        redis.timeOutPublish = true;

        processor.process(reservation(envelope(3, "4"), 1), OPTIONS.builder().timeout(60).build());

        assertThat(redis.scripts()).containsExactly(LuaScript.PUBLISH_DELETE, LuaScript.RELEASE);
        assertThat(count("released")).isEqualTo(1);
    }

    @Test
    void theJobsOwnTimeoutWinsOverTheWorkers() {
        redis.timeOutPublish = true;
        JobEnvelope envelope = envelope(1, null);
        envelope.timeout = 2;

        processor.process(reservation(envelope, 1), OPTIONS.builder().timeout(0).build());

        assertThat(failures).singleElement().isInstanceOf(TimeoutExceededException.class);
    }

    private double count(String outcome) {
        return metrics.counter("queue.jobs", "queue", "default", "outcome", outcome).count();
    }

    private static JobEnvelope envelope(Integer maxTries, String backoff) {
        ObjectNode data = Json.mapper().createObjectNode().put("n", 1);
        JobEnvelope envelope = new BroadcastJob(List.of("poster_room"), "backend_poster", data, null)
                .toEnvelope(NOW);
        envelope.maxTries = maxTries;
        envelope.backoff = backoff;
        return envelope;
    }

    /** As the pop script hands it over: {@code attempts} already counts this attempt. */
    private static ReservedJob reservation(JobEnvelope envelope, int attempts) {
        envelope.attempts = attempts - 1;
        String raw = envelope.toJson();
        envelope.attempts = attempts;
        return new ReservedJob("default", raw.getBytes(StandardCharsets.UTF_8),
                envelope.toJson().getBytes(StandardCharsets.UTF_8));
    }

    private record Call(LuaScript script, List<String> keys, List<String> args) {
    }

    private static final class FakeRedis implements ScriptExecutor {
        final List<Call> calls = new ArrayList<>();
        boolean failPublish;
        boolean timeOutPublish;

        @Override
        public Object run(LuaScript script, List<String> keys, List<String> args) {
            calls.add(new Call(script, keys, args));
            if (script == LuaScript.PUBLISH_DELETE && failPublish) {
                throw new IllegalStateException("Redis connection lost");
            }
            if (script == LuaScript.PUBLISH_DELETE && timeOutPublish) {
                throw new IllegalStateException("Redis script publish_delete.lua failed",
                        new io.smallrye.mutiny.TimeoutException());
            }
            if (script == LuaScript.PUBLISH_DELETE) {
                return Collections.nCopies(args.size() / 4, 1L); // one channel per job here
            }
            return script == LuaScript.DELETE_FAILED ? 1L : null;
        }

        List<LuaScript> scripts() {
            return calls.stream().map(Call::script).toList();
        }
    }
}
