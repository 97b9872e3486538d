package io.echostack.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echostack.events.broadcast.RedisPrefix;
import io.echostack.events.queue.RedisQueue;
import io.echostack.events.queue.ReservedJob;
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
    void convertsEveryReplyType(ProtocolVersion protocol) {
        Redis client = client(protocol);
        VertxScriptExecutor executor = new VertxScriptExecutor(client, Duration.ofSeconds(5));

        Object reply = executor.run(RedisScript.fromResource(getClass(), "/lua/echo-types.lua"), List.of("k"),
                List.of("text", "42"));

        assertThat(reply).isEqualTo(Arrays.asList("text", 42L, null, 1L, List.of("k")));
        client.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void sendsTheSourceAgainAfterScriptFlush(ProtocolVersion protocol) {
        Redis client = client(protocol);
        VertxScriptExecutor executor = new VertxScriptExecutor(client, Duration.ofSeconds(5));
        RedisScript script = RedisScript.fromResource(getClass(), "/lua/echo-types.lua");
        executor.run(script, List.of("k"), List.of("a", "1"));

        client.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(Duration.ofSeconds(5));

        assertThat(executor.run(script, List.of("k"), List.of("b", "2"))).asList().startsWith("b", 2L);
        client.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class)
    void namesTheScriptWhenRedisRejectsIt(ProtocolVersion protocol) {
        Redis client = client(protocol);
        VertxScriptExecutor executor = new VertxScriptExecutor(client, Duration.ofSeconds(5));

        assertThatThrownBy(() -> executor.run(RedisScript.fromResource(getClass(), "/lua/broken.lua"), List.of(), List.of()))
                .isInstanceOf(RedisScriptException.class)
                .hasMessageContaining("/lua/broken.lua")
                .hasMessageContaining("Unknown Redis command");
        client.close();
    }

    private static Redis client(ProtocolVersion protocol) {
        return Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(TestRedis.get().url())
                .setPreferredProtocolVersion(protocol));
    }
}
