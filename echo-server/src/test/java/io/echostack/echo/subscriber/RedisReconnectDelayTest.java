package io.echostack.echo.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.RedisProcess;
import io.echostack.echo.support.RunningEchoServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a long Redis outage the PSUBSCRIBE is back within seconds of Redis, as with ioredis (which retries at least
 * every 2 s), not after Lettuce's default backoff of up to 30 s: broadcasts published meanwhile would be lost.
 */
class RedisReconnectDelayTest {

    @Test
    void thePatternIsBackWithinThreeSecondsOfARedisDownForTwelve(@TempDir Path dir) throws Exception {
        RedisProcess redis = RedisProcess.server(dir);
        String url = "redis://127.0.0.1:" + redis.port();
        try (RunningEchoServer echo = new RunningEchoServer("", "",
                "{\"host\": \"127.0.0.1\", \"port\": %d}".formatted(redis.port()), url)) {
            redis.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> echo.consoleOutput().contains("Redis connection lost"));
            Thread.sleep(12_000); // long enough for Lettuce's default backoff to have grown past 8 s

            redis = RedisProcess.server(dir, redis.port());
            long up = System.nanoTime();
            RedisClient client = RedisClient.create(url);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> connection.sync().pubsubNumpat() == 1);
                assertThat(Duration.ofNanos(System.nanoTime() - up)).isLessThan(Duration.ofSeconds(3));
            } finally {
                client.shutdown();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> echo.consoleOutput().contains("Reconnected to Redis"));
        } finally {
            redis.close();
        }
    }
}
