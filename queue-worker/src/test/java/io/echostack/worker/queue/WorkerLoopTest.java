package io.echostack.worker.queue;

import static io.echostack.worker.queue.RedisWatch.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.queue.JobEnvelope;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.script.LuaScript;
import io.echostack.events.script.ScriptExecutor;
import io.echostack.redis.VertxListWait;
import io.echostack.redis.VertxScriptExecutor;
import io.echostack.worker.ServersResource;
import io.echostack.worker.failed.FailedJobStore;
import io.lettuce.core.ScriptOutputType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loop's rules on the real Redis and PostgreSQL: priority, concurrency, blocking, delays, retries, limits. */
@QuarkusTest
@QuarkusTestResource(ServersResource.class)
class WorkerLoopTest {
    private static final List<String> QUEUES = List.of("high", "default");

    @Inject
    RedisQueue queue;
    @Inject
    VertxScriptExecutor executor;
    @Inject
    Redis vertxRedis;
    @Inject
    FailedJobStore failedJobStore;
    @Inject
    DataSource dataSource;

    private RedisWatch watch;
    private Worker worker;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        QUEUES.forEach(queue::clear);
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM failed_jobs");
        }
        watch = new RedisWatch();
    }

    @AfterEach
    void tearDown() {
        if (worker != null) {
            worker.stop();
        }
        watch.close();
    }

    @Test
    void popsTheQueuesInPriorityOrder() throws Exception {
        queue.push("default", job(1));
        queue.push("default", job(2));
        queue.push("high", job(3));
        queue.push("high", job(4));

        start(options().stopWhenEmpty(true).build());

        assertThat(List.of(watch.nextJob(), watch.nextJob(), watch.nextJob(), watch.nextJob()))
                .containsExactly(3, 4, 1, 2);
        assertThat(worker.awaitTermination()).isZero();
    }

    @Test
    void blocksOnEveryQueuesNotifyListInsteadOfSleepingAndStopsAfterMaxJobs() throws Exception {
        // with 30 s of sleep or of a blocking wait on the first queue only, the job could not start within 10 s
        start(options().sleep(Duration.ofSeconds(30)).blockFor(Duration.ofSeconds(30)).maxJobs(1).build());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> watch.redis().clientList().contains("cmd=blpop"));

        queue.push("default", job(7));

        assertThat(watch.nextJob()).isEqualTo(7);
        assertThat(worker.awaitTermination()).isZero();
    }

    @Test
    void runsJobsOnSeveralConsumersAtOnce() throws Exception {
        CountDownLatch allInFlight = new CountDownLatch(4);
        UnaryOperator<ScriptExecutor> rendezvous = redis -> (script, keys, args) -> {
            if (script == LuaScript.PUBLISH_DELETE) {
                allInFlight.countDown();
                awaitQuietly(allInFlight);
            }
            return redis.run(script, keys, args);
        };
        for (int n = 1; n <= 4; n++) {
            queue.push("default", job(n));
        }
        start(options().concurrency(4).build(), rendezvous);

        assertThat(allInFlight.await(10, TimeUnit.SECONDS)).as("four publishes in flight at once").isTrue();
        List<Integer> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(watch.nextJob());
        }
        assertThat(jobs).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    /**
     * 6 jobs, max 3: fewer than the consumers' first batches; 200 jobs, max 37: batches of 1, 2, 4, 8 ... taken by 4
     * consumers, so the permits, not the batch sizes, decide where it stops.
     */
    @ParameterizedTest
    @CsvSource({"6, 3", "200, 37"})
    void maxJobsRunsExactlyThatManyJobsWhateverTheConcurrency(int jobs, int maxJobs) throws Exception {
        for (int n = 1; n <= jobs; n++) {
            queue.push("default", job(n));
        }
        start(options().concurrency(4).maxJobs(maxJobs).build());

        assertThat(worker.awaitTermination()).isZero();
        assertThat(queue.stats("default").pending()).isEqualTo(jobs - maxJobs);
        assertThat(queue.stats("default").reserved()).isZero();
        assertThat(watch.countPublished(500)).isEqualTo(maxJobs);
    }

    @Test
    void restsAfterEachJobAndRunsThemOneByOne() throws Exception {
        Duration rest = Duration.ofMillis(700);
        List<Long> publishedAt = Collections.synchronizedList(new ArrayList<>());
        List<Integer> argsPerCall = Collections.synchronizedList(new ArrayList<>());
        UnaryOperator<ScriptExecutor> timed = redis -> (script, keys, args) -> {
            if (script == LuaScript.PUBLISH_DELETE) {
                publishedAt.add(System.nanoTime());
                argsPerCall.add(args.size());
            }
            return redis.run(script, keys, args);
        };
        for (int n = 1; n <= 3; n++) {
            queue.push("default", job(n));
        }
        start(options().rest(rest).stopWhenEmpty(true).build(), timed);

        assertThat(worker.awaitTermination()).isZero();
        assertThat(argsPerCall).as("one job per call: ttl, reserved, message, 1, channel").containsExactly(5, 5, 5);
        for (int i = 1; i < publishedAt.size(); i++) {
            assertThat(Duration.ofNanos(publishedAt.get(i) - publishedAt.get(i - 1))).isGreaterThanOrEqualTo(rest);
        }
    }

    @Test
    void runsADelayedJobWhenItIsDue() throws Exception {
        queue.later("default", 2, job(5));
        start(options().build());

        assertThat(queue.stats("default").delayed()).isEqualTo(1);
        assertThat(watch.nothingWithin(900)).isNull();
        assertThat(watch.nextJob()).isEqualTo(5);
        awaitEmpty("default");
    }

    @Test
    void runsAgainAJobWhoseWorkerDiedOnceItsReservationExpires() throws Exception {
        queue.push("default", job(6));
        assertThat(queue.reserve("default", 1)).isPresent(); // a worker took it (retry_after 1 s) and died

        start(options().tries(3).build());

        assertThat(watch.nextJob()).isEqualTo(6);
        awaitEmpty("default");
        assertThat(failedJobs()).isEmpty();
    }

    @Test
    void releasesWithTheBackoffListUntilAnAttemptSucceeds() throws Exception {
        AtomicInteger publishes = new AtomicInteger();
        List<long[]> releases = new CopyOnWriteArrayList<>(); // {second of the release, score it asked for}
        UnaryOperator<ScriptExecutor> flaky = redis -> (script, keys, args) -> {
            if (script == LuaScript.PUBLISH_DELETE && publishes.incrementAndGet() <= 2) {
                throw new IllegalStateException("Redis connection lost");
            }
            if (script == LuaScript.RELEASE) {
                releases.add(new long[] {Instant.now().getEpochSecond(), Long.parseLong(args.get(1))});
            }
            return redis.run(script, keys, args);
        };
        queue.push("default", job(8));
        start(options().tries(3).backoff("1,2").build(), flaky);

        assertThat(watch.nextJob()).isEqualTo(8);
        awaitEmpty("default");
        assertThat(releases).hasSize(2);
        assertThat(releases.get(0)[1] - releases.get(0)[0]).isBetween(1L, 2L); // now may tick between the two reads
        assertThat(releases.get(1)[1] - releases.get(1)[0]).isBetween(2L, 3L);
        assertThat(failedJobs()).isEmpty();
    }

    @Test
    void maxExceptionsFailsTheJobAtItsNthExceptionWhateverTheTries() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        UnaryOperator<ScriptExecutor> redisDown = redis -> (script, keys, args) -> {
            if (script == LuaScript.PUBLISH_DELETE) {
                attempts.incrementAndGet();
                throw new IllegalStateException("Redis connection lost");
            }
            return redis.run(script, keys, args);
        };
        JobEnvelope envelope = RedisWatch.broadcast(11).toEnvelope(Instant.now());
        envelope.maxExceptions = 2;
        queue.push("default", envelope.toJson());

        start(options().tries(10).backoff("0").build(), redisDown);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(failedJobs()).singleElement()
                .asString().startsWith(IllegalStateException.class.getName() + ": Redis connection lost"));
        awaitEmpty("default");
        assertThat(attempts.get()).as("attempts, of 10 tries").isEqualTo(2);
        try (var connection = watch.client().connect()) {
            assertThat(connection.sync().exists("laravel_database_job-exceptions:" + envelope.uuid))
                    .as("counter forgotten once the job failed").isZero();
        }
    }

    @Test
    void stopsAfterTheJobInHandWhenQueueRestartIsSignalled() throws Exception {
        try (var connection = watch.client().connect()) {
            connection.sync().set("laravel_database_" + RedisQueue.RESTART_KEY, "1700000000"); // an old restart
        }
        queue.push("default", job(12));
        start(options().concurrency(2).build());
        assertThat(watch.nextJob()).isEqualTo(12);
        Thread.sleep(1100); // the worker has read the signal as it was when it started

        queue.signalRestart();

        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            assertThat(waiter.submit(worker::awaitTermination).get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            waiter.shutdownNow();
        }
        queue.push("default", job(13));
        assertThat(watch.nothingWithin(500)).as("a stopped worker takes no job").isNull();
        queue.clear("default");
    }

    @Test
    void retryUntilDecidesInsteadOfTries() throws Exception {
        JobEnvelope expired = RedisWatch.broadcast(9).toEnvelope(Instant.now());
        expired.retryUntil = Instant.now().getEpochSecond() - 10;
        JobEnvelope manyAttempts = RedisWatch.broadcast(10).toEnvelope(Instant.now());
        manyAttempts.retryUntil = Instant.now().getEpochSecond() + 600;
        manyAttempts.attempts = 5;
        queue.push("default", expired.toJson());
        queue.push("default", manyAttempts.toJson());

        start(options().tries(1).build());

        assertThat(watch.nextJob()).isEqualTo(10);
        awaitEmpty("default");
        assertThat(failedJobs()).singleElement().asString()
                .startsWith(MaxAttemptsExceededException.class.getName());
        // Laravel's lines: both started, one processed, one failed (status padded to 11 characters)
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)^\\[[-0-9 :]{19}]\\[" + expired.id + "] Processing: loop_event$")
                .containsPattern("(?m)^\\[[-0-9 :]{19}]\\[" + expired.id + "] Failed:     loop_event$")
                .containsPattern("(?m)^\\[[-0-9 :]{19}]\\[" + manyAttempts.id + "] Processed:  loop_event$");
    }

    @Test
    void aJobPastItsTimeoutOnItsLastAttemptIsFailed() throws Exception {
        queue.push("default", job(11));
        start(options().timeout(1).tries(1).build(), this::stallsOnPublish);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(failedJobs()).singleElement().asString()
                .startsWith(TimeoutExceededException.class.getName() + ": loop_event has timed out."));
        awaitEmpty("default");
    }

    @Test
    void aTimeoutCountsTowardsMaxExceptionsAsInLaravel8() throws Exception {
        JobEnvelope envelope = RedisWatch.broadcast(12).toEnvelope(Instant.now());
        envelope.maxTries = 5;
        envelope.maxExceptions = 1;
        queue.push("default", envelope.toJson());
        start(options().timeout(1).build(), this::stallsOnPublish);

        // attempts remain, but its first exception (the timeout) is its maxExceptions-th: failed, not left reserved
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(failedJobs()).singleElement().asString()
                .startsWith(TimeoutExceededException.class.getName() + ": loop_event has timed out."));
        awaitEmpty("default");
    }

    @Test
    void takesNoJobWhilePausedAndResumes() throws Exception {
        start(options().build());
        worker.pause(true); // Laravel's SIGUSR2
        Thread.sleep(200); // a consumer blocked on the queues ends its wait first (block_for 1 s), then idles

        queue.push("default", job(13));
        Thread.sleep(2500);
        assertThat(queue.stats("default").pending()).as("paused: the job waits").isEqualTo(1);

        worker.pause(false); // SIGCONT
        assertThat(watch.nextJob()).isEqualTo(13);
    }

    private WorkerOptions.Builder options() {
        return WorkerOptions.defaults("default").queues(QUEUES).sleep(Duration.ofMillis(50));
    }

    /** A worker like the packaged one, its publish and release calls going through {@code around}. */
    private void start(WorkerOptions options, UnaryOperator<ScriptExecutor> around) {
        JobProcessor processor = new JobProcessor(new BroadcastJobHandler(limit -> new RedisQueue(
                around.apply(executor.withTimeout(limit)), RedisPrefix.LARAVEL_DEFAULT)),
                new RedisQueue(around.apply(executor), RedisPrefix.LARAVEL_DEFAULT), failedJobStore,
                new JobMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), Duration.ofSeconds(5),
                new JobLines(() -> new PrintStream(printed, true, StandardCharsets.UTF_8), Clock.systemUTC()));
        worker = new Worker(queue, processor, new JobMetrics(new SimpleMeterRegistry()),
                new VertxListWait(vertxRedis, Duration.ofSeconds(5))::await, Clock.systemUTC());
        worker.start(options);
    }

    private void start(WorkerOptions options) {
        start(options, UnaryOperator.identity());
    }

    /** {@code redis}, but Redis stalls for 2.5 s whenever a job's publish is sent: the job outlives a 1 s timeout. */
    private ScriptExecutor stallsOnPublish(ScriptExecutor redis) {
        return (script, keys, args) -> {
            if (script == LuaScript.PUBLISH_DELETE) {
                busyRedisFor(Duration.ofMillis(2500));
            }
            return redis.run(script, keys, args);
        };
    }

    /** Redis runs a script that spins: every other client waits, as on a stalled server. */
    private void busyRedisFor(Duration busy) {
        String spin = "local t = redis.call('time') local start = t[1] * 1000000 + t[2] repeat t = redis.call('time')"
                + " until t[1] * 1000000 + t[2] - start > tonumber(ARGV[1]) return 'OK'";
        watch.client().connect().async().eval(spin, ScriptOutputType.STATUS, new String[0],
                Long.toString(busy.toNanos() / 1000));
        try {
            Thread.sleep(200); // the spinning script reaches Redis before the publish
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitEmpty(String name) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(queue.stats(name).pending()).isZero();
            assertThat(queue.stats(name).reserved()).isZero();
            assertThat(queue.stats(name).delayed()).isZero();
        });
    }

    private List<String> failedJobs() throws Exception {
        List<String> exceptions = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT exception FROM failed_jobs ORDER BY id")) {
            while (rows.next()) {
                exceptions.add(rows.getString(1));
            }
        }
        return exceptions;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
