package io.echostack.events.queue;

import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.script.LuaScript;
import io.echostack.events.script.ScriptExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Laravel's Redis queue driver ({@code Illuminate\Queue\RedisQueue}) over the named {@link LuaScript}s: the same keys,
 * the same KEYS/ARGV, the same integer Unix seconds. Producers (api-service) and workers (queue-worker) both use it,
 * each with its own {@link ScriptExecutor}, so a job pushed here and one pushed by Laravel are indistinguishable.
 */
public final class RedisQueue {
    private static final long JOB_EXCEPTIONS_TTL_SECONDS = 24 * 3600;
    /**
     * Laravel's {@code illuminate:queue:restart} cache entry as its Redis cache store names it with the default cache
     * prefix ({@code laravel_cache}); the key gets the Redis prefix like every other.
     */
    public static final String RESTART_KEY = "laravel_cache:illuminate:queue:restart";
    private final ScriptExecutor redis;
    private final RedisPrefix prefix;
    private final boolean clusterHashTags;
    private final Clock clock;

    public RedisQueue(ScriptExecutor redis, RedisPrefix prefix, boolean clusterHashTags, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.clusterHashTags = clusterHashTags;
        this.clock = clock;
    }

    public RedisQueue(ScriptExecutor redis, RedisPrefix prefix) {
        this(redis, prefix, false, Clock.systemUTC());
    }

    public QueueKeys keys(String queue) {
        return QueueKeys.of(prefix, queue, clusterHashTags);
    }

    /** RPUSH the payload and one notify token, atomically. */
    public void push(String queue, String payload) {
        QueueKeys keys = keys(queue);
        redis.run(LuaScript.PUSH, List.of(keys.ready(), keys.notifyList()), List.of(payload));
    }

    /** ZADD the payload to {@code :delayed}, due {@code delaySeconds} from now. */
    public void later(String queue, long delaySeconds, String payload) {
        QueueKeys keys = keys(queue);
        redis.run(LuaScript.LATER, List.of(keys.delayed()), List.of(Long.toString(now() + delaySeconds), payload));
    }

    /**
     * What a worker does each poll, as Laravel's {@code pop()}: migrate due delayed jobs, migrate expired reservations
     * (unless {@code retryAfterSeconds} is null, Laravel's "never"), then reserve the oldest ready job until
     * now + retry_after.
     */
    public Optional<ReservedJob> pop(String queue, Integer retryAfterSeconds) {
        migrateDue(queue, retryAfterSeconds);
        return reserve(queue, retryAfterSeconds);
    }

    /**
     * The first half of {@link #pop}: due delayed jobs, and expired reservations unless {@code retryAfterSeconds} is
     * null, move to the tail of the ready list. Scores are whole seconds, so a worker with many consumers may run this
     * once per second per queue instead of before every pop.
     */
    public void migrateDue(String queue, Integer retryAfterSeconds) {
        QueueKeys keys = keys(queue);
        long now = now();
        migrate(keys.delayed(), keys, now);
        if (retryAfterSeconds != null) {
            migrate(keys.reserved(), keys, now);
        }
    }

    /** The second half of {@link #pop}: Laravel's pop script alone (attempts + 1, reserved until now + retry_after). */
    public Optional<ReservedJob> reserve(String queue, Integer retryAfterSeconds) {
        QueueKeys keys = keys(queue);
        long expiresAt = now() + (retryAfterSeconds == null ? 0 : retryAfterSeconds);
        List<?> result = (List<?>) redis.runBinary(LuaScript.POP,
                List.of(keys.ready(), keys.reserved(), keys.notifyList()), List.of(ascii(expiresAt)));
        Object raw = result == null || result.isEmpty() ? null : result.get(0);
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(new ReservedJob(queue, (byte[]) raw, (byte[]) result.get(1)));
    }

    /**
     * Up to {@code max} jobs reserved in one call, each with exactly the effects of {@link #reserve} (oldest first);
     * empty when the list is empty.
     */
    public List<ReservedJob> reserve(String queue, Integer retryAfterSeconds, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        QueueKeys keys = keys(queue);
        long expiresAt = now() + (retryAfterSeconds == null ? 0 : retryAfterSeconds);
        List<?> result = (List<?>) redis.runBinary(LuaScript.POP_MANY,
                List.of(keys.ready(), keys.reserved(), keys.notifyList()), List.of(ascii(expiresAt), ascii(max)));
        List<ReservedJob> jobs = new ArrayList<>(result.size() / 2);
        for (int i = 0; i + 1 < result.size(); i += 2) {
            jobs.add(new ReservedJob(queue, (byte[]) result.get(i), (byte[]) result.get(i + 1)));
        }
        return jobs;
    }

    /**
     * Runs broadcast jobs of one queue and finishes them, in one atomic script: for each in turn, PUBLISH its message
     * to {@code <prefix><channel>} for every channel, then ZREM its reservation; all of them are counted in the current
     * minute's {@link QueueKeys#processed} counter. Per job, false when its reservation had already expired (the
     * message is sent anyway, as Laravel's worker publishes before it deletes).
     */
    public List<Boolean> publishAndDelete(List<ReservedBroadcast> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        String queue = jobs.get(0).reserved().queue();
        List<byte[]> args = new ArrayList<>();
        args.add(ascii(QueueKeys.COUNTER_TTL_SECONDS));
        for (ReservedBroadcast job : jobs) {
            if (!job.reserved().queue().equals(queue)) {
                throw new IllegalArgumentException("jobs of queues " + queue + " and " + job.reserved().queue()
                        + " in one call");
            }
            List<String> channels = job.job().channels();
            args.add(job.reserved().reservedBytes());
            args.add(job.job().messageJson());
            args.add(ascii(channels.size()));
            channels.forEach(channel -> args.add(prefix.apply(channel).getBytes(StandardCharsets.UTF_8)));
        }
        QueueKeys keys = keys(queue);
        List<?> removed = (List<?>) redis.runBinary(LuaScript.PUBLISH_DELETE,
                List.of(keys.reserved(), keys.processed(nowEpochMinute())), args);
        return removed.stream().map(count -> count instanceof Long n && n > 0).toList();
    }

    /** Finishes a job: ZREM its reservation. False when the reservation had already expired and moved on. */
    public boolean delete(ReservedJob job) {
        Object removed = redis.runBinary(LuaScript.DELETE, List.of(keys(job.queue()).reserved()),
                List.of(job.reservedBytes()));
        return removed instanceof Long count && count > 0;
    }

    /**
     * Finishes a job already recorded in {@code failed_jobs}: ZREM its reservation and count it in the current minute's
     * {@link QueueKeys#failed} counter, atomically. False when the reservation had already expired and moved on.
     */
    public boolean deleteFailed(ReservedJob job) {
        QueueKeys keys = keys(job.queue());
        Object removed = redis.runBinary(LuaScript.DELETE_FAILED,
                List.of(keys.reserved(), keys.failed(nowEpochMinute())),
                List.of(job.reservedBytes(), ascii(QueueKeys.COUNTER_TTL_SECONDS)));
        return removed instanceof Long count && count > 0;
    }

    /**
     * Laravel's {@code maxExceptions}: counts one more exception of the job {@code uuid} in
     * {@code <prefix>job-exceptions:<uuid>} (kept a day, as Laravel's cache entry); true when the count reaches
     * {@code maxExceptions}, and the job must fail (the counter is then deleted).
     */
    public boolean exceptionReachesMax(String uuid, int maxExceptions) {
        Object count = redis.run(LuaScript.JOB_EXCEPTIONS, List.of(prefix.apply("job-exceptions:" + uuid)),
                List.of(Long.toString(JOB_EXCEPTIONS_TTL_SECONDS), Integer.toString(maxExceptions)));
        return count instanceof Long n && n >= maxExceptions;
    }

    /** {@code queue:restart}: sets the restart signal to now; every worker stops after its current job. */
    public long signalRestart() {
        long now = now();
        restartSignal(Long.toString(now));
        return now;
    }

    /** The restart signal (a Unix second as text), or empty when no restart was ever signalled. */
    public Optional<String> restartSignal() {
        return Optional.ofNullable(restartSignal(""));
    }

    private String restartSignal(String set) {
        List<?> reply = (List<?>) redis.run(LuaScript.RESTART_SIGNAL, List.of(prefix.apply(RESTART_KEY)), List.of(set));
        return reply.isEmpty() || !(reply.get(0) instanceof String text) ? null : text;
    }

    /**
     * Jobs processed and failed per minute on the queue, for the {@code minutes} Unix minutes ending with
     * {@code nowEpochMinute} (oldest first), read atomically; 0 where nothing was counted.
     *
     * @param minutes 1 to {@link QueueKeys#COUNTER_MINUTES}: older counters have expired
     */
    public QueueThroughput throughput(String queue, long nowEpochMinute, int minutes) {
        if (minutes < 1 || minutes > QueueKeys.COUNTER_MINUTES) {
            throw new IllegalArgumentException("minutes must be 1 to " + QueueKeys.COUNTER_MINUTES + ", was " + minutes);
        }
        QueueKeys keys = keys(queue);
        long first = nowEpochMinute - minutes + 1;
        List<String> counters = new ArrayList<>(2 * minutes);
        for (int m = 0; m < minutes; m++) {
            counters.add(keys.processed(first + m));
        }
        for (int m = 0; m < minutes; m++) {
            counters.add(keys.failed(first + m));
        }
        List<?> values = (List<?>) redis.run(LuaScript.THROUGHPUT, counters, List.of());
        List<QueueThroughput.Minute> perMinute = new ArrayList<>(minutes);
        for (int m = 0; m < minutes; m++) {
            perMinute.add(new QueueThroughput.Minute(first + m, count(values.get(m)), count(values.get(minutes + m))));
        }
        return new QueueThroughput(perMinute);
    }

    /** Gives the job back for another attempt in {@code delaySeconds} (0: at the next migrate), attempt counted. */
    public void release(ReservedJob job, long delaySeconds) {
        QueueKeys keys = keys(job.queue());
        redis.runBinary(LuaScript.RELEASE, List.of(keys.delayed(), keys.reserved()),
                List.of(job.reservedBytes(), ascii(now() + delaySeconds)));
    }

    /** Ready + delayed + reserved jobs. */
    public long size(String queue) {
        QueueKeys keys = keys(queue);
        return (Long) redis.run(LuaScript.SIZE, List.of(keys.ready(), keys.delayed(), keys.reserved()), List.of());
    }

    /** Pending, delayed and reserved counts and the oldest pending job's creation time, read atomically. */
    public QueueStats stats(String queue) {
        QueueKeys keys = keys(queue);
        List<?> reply = (List<?>) redis.run(LuaScript.STATS, List.of(keys.ready(), keys.delayed(), keys.reserved()),
                List.of());
        Object created = reply.get(3);
        return new QueueStats((Long) reply.get(0), (Long) reply.get(1), (Long) reply.get(2),
                Optional.ofNullable(created instanceof Long seconds ? seconds : null));
    }

    /** Deletes every job of the queue; returns how many there were. */
    public long clear(String queue) {
        QueueKeys keys = keys(queue);
        return (Long) redis.run(LuaScript.CLEAR,
                List.of(keys.ready(), keys.delayed(), keys.reserved(), keys.notifyList()), List.of());
    }

    private void migrate(String from, QueueKeys keys, long now) {
        redis.run(LuaScript.MIGRATE, List.of(from, keys.ready(), keys.notifyList()), List.of(Long.toString(now)));
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    private static long count(Object counter) {
        return counter instanceof String value ? Long.parseLong(value) : 0;
    }

    private long nowEpochMinute() {
        return Math.floorDiv(now(), 60);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
