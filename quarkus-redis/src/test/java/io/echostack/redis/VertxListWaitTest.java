package io.echostack.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.testsupport.TestRedis;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BLPOP on a real Redis: wakes on a token pushed to any of the lists, gives up after its bound. */
class VertxListWaitTest {
    private static Vertx vertx;
    private static Redis redis;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(TestRedis.get().url()));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        vertx.closeAndAwait();
    }

    @Test
    void takesATokenPushedWhileWaitingOnAnyList() {
        VertxListWait wait = new VertxListWait(redis, Duration.ofSeconds(5));
        redis.send(Request.cmd(Command.DEL).arg("wait:a").arg("wait:b")).await().atMost(Duration.ofSeconds(5));
        CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(
                () -> wait.await(List.of("wait:a", "wait:b"), Duration.ofSeconds(20)));
        redis.send(Request.cmd(Command.RPUSH).arg("wait:b").arg("1")).await().atMost(Duration.ofSeconds(5));

        assertThat(woke.join()).isTrue();
        assertThat(redis.send(Request.cmd(Command.LLEN).arg("wait:b")).await().atMost(Duration.ofSeconds(5)).toLong())
                .isZero();
    }

    @Test
    void returnsFalseAfterTheBound() {
        VertxListWait wait = new VertxListWait(redis, Duration.ofSeconds(5));
        assertThat(wait.await(List.of("wait:none"), Duration.ofMillis(100))).isFalse();
        assertThat(wait.await(List.of("wait:none"), Duration.ZERO)).isFalse();
    }
}
