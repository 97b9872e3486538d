package io.echostack.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.queue.QueueKeys;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
import io.echostack.events.script.LuaScript;
import io.echostack.testsupport.TestRedis;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Against a real Redis, on both protocols the Quarkus client may negotiate. */
class VertxScriptExecutorTest {
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void runsTheQueueScriptsThroughRedisQueue(ProtocolVersion protocol) {
        Redis client = client(protocol);
        RedisQueue queue = new RedisQueue(new VertxScriptExecutor(client, Duration.ofSeconds(5)), RedisPrefix.LARAVEL_DEFAULT);
        String name = "executor-" + protocol;
        queue.clear(name);

        assertThat(queue.pop(name, 90)).isEmpty();
        queue.push(name, "{\"job\":\"x\",\"attempts\":0}");
        assertThat(queue.size(name)).isEqualTo(1L);

        Optional<ReservedJob> job = queue.pop(name, 90);
        assertThat(job).isPresent();
        assertThat(job.get().raw()).isEqualTo("{\"job\":\"x\",\"attempts\":0}");
        assertThat(job.get().reserved()).contains("\"attempts\":1");
        assertThat(queue.delete(job.get())).isTrue();
        assertThat(queue.size(name)).isZero();
        client.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void convertsIntegerArrayAndNilReplies(ProtocolVersion protocol) {
        Redis client = client(protocol);
        VertxScriptExecutor executor = new VertxScriptExecutor(client, Duration.ofSeconds(5));
        RedisQueue queue = new RedisQueue(executor, RedisPrefix.LARAVEL_DEFAULT);
        String name = "replies-" + protocol;
        queue.clear(name);
        QueueKeys keys = queue.keys(name);
        List<String> popKeys = List.of(keys.ready(), keys.reserved(), keys.notifyList());

        assertThat(executor.run(LuaScript.POP, popKeys, List.of("0"))).isEqualTo(Arrays.asList(null, null));
        queue.later(name, -5, "{\"job\":\"x\",\"attempts\":0}");
        assertThat(executor.run(LuaScript.SIZE, List.of(keys.ready(), keys.delayed(), keys.reserved()), List.of()))
                .isEqualTo(1L);
        assertThat(executor.run(LuaScript.MIGRATE, List.of(keys.delayed(), keys.ready(), keys.notifyList()),
                List.of(Long.toString(System.currentTimeMillis() / 1000)))).isEqualTo(List.of("{\"job\":\"x\",\"attempts\":0}"));
        queue.clear(name);
        client.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void passesBytesThroughUnchanged(ProtocolVersion protocol) {
        Redis client = client(protocol);
        VertxScriptExecutor executor = new VertxScriptExecutor(client, Duration.ofSeconds(5));
        String key = "binary-" + protocol;
        // not valid UTF-8 (0xff), a NUL and a 3-byte character: a decode and re-encode would change them
        byte[] value = {(byte) 0xff, 0, 'a', (byte) 0xe6, (byte) 0xb5, (byte) 0xb7};

        Object reply = executor.runBinary(LuaScript.RESTART_SIGNAL, List.of(key), List.of(value));

        assertThat(reply).isInstanceOf(List.class);
        assertThat((byte[]) ((List<?>) reply).get(0)).isEqualTo(value);
        assertThat(client.send(Request.cmd(Command.GET).arg(key)).await().atMost(Duration.ofSeconds(5)).toBytes())
                .isEqualTo(value);
        assertThat(executor.runBinary(LuaScript.SIZE, List.of(key + ":a", key + ":b", key + ":c"), List.of()))
                .isEqualTo(0L);
        client.send(Request.cmd(Command.DEL).arg(key)).await().atMost(Duration.ofSeconds(5));
        client.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void sendsTheSourceAgainAfterScriptFlush(ProtocolVersion protocol) {
        Redis client = client(protocol);
        VertxScriptExecutor executor = new VertxScriptExecutor(client, Duration.ofSeconds(5));
        List<String> keys = List.of("flush:a", "flush:b", "flush:c");
        executor.run(LuaScript.SIZE, keys, List.of());

        client.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(Duration.ofSeconds(5));

        assertThat(executor.run(LuaScript.SIZE, keys, List.of())).isEqualTo(0L);
        client.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void namesTheScriptWhenRedisRejectsIt(ProtocolVersion protocol) {
        Redis client = client(protocol);
        VertxScriptExecutor executor = new VertxScriptExecutor(client, Duration.ofSeconds(5));
        String list = "rejects-" + protocol;
        client.send(Request.cmd(Command.RPUSH).arg(list).arg("{\"attempts\":0}")).await().atMost(Duration.ofSeconds(5));

        // a reservation score that is not a number makes ZADD fail inside the script
        assertThatThrownBy(() -> executor.run(LuaScript.POP, List.of(list, list + ":reserved", list + ":notify"),
                List.of("not-a-number")))
                .isInstanceOf(RedisScriptException.class)
                .hasMessageContaining("pop.lua")
                .hasMessageContaining("not a valid float");
        client.close();
    }

    private static Redis client(ProtocolVersion protocol) {
        return Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(TestRedis.get().url())
                .setPreferredProtocolVersion(protocol));
    }
}
