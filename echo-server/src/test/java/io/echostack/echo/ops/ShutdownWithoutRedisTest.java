package io.echostack.echo.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.echo.support.RedisProcess;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server (SIGTERM runs the same close) when Redis is gone: removing this server's presence members
 * and closing the subscriber cannot reach Redis, so they are given a few seconds and then skipped, with a warning,
 * instead of waiting for Lettuce's command timeout (60 s per command).
 */
class ShutdownWithoutRedisTest {

    @Test
    void closeReturnsWithinItsBoundWhenRedisIsDown(@TempDir Path dir) throws Exception {
        RedisProcess redis = RedisProcess.server(dir);
        try (LaravelAuthEndpoint laravel = new LaravelAuthEndpoint()) {
            RunningEchoServer echo = new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\",", "",
                    "{\"host\": \"127.0.0.1\", \"port\": " + redis.port() + ", \"keyPrefix\": \"app_\"}",
                    "redis://127.0.0.1:" + redis.port());
            try (EchoClient member = EchoClient.builder(EchoGeneration.ECHO_2, echo.url()).channel("presence-chat.3")
                    .authHeader("Authorization", "Bearer user-3").transports(Transports.WEBSOCKET).start()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> PresenceMembers.parse(
                        echo.redis().get("app_presence-chat.3:members")).hasUser("3", null));
                redis.close();
                await().atMost(Duration.ofSeconds(20)).until(() -> echo.consoleOutput().contains("Redis connection lost"));

                long started = System.nanoTime();
                echo.server().close();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                echo.close();

                assertThat(took).isLessThan(Duration.ofSeconds(8));
                assertThat(echo.consoleOutput()).contains("Redis did not answer in time: this server's presence"
                        + " members were left for its next start to remove");
            }
        } finally {
            redis.close();
        }
    }
}
