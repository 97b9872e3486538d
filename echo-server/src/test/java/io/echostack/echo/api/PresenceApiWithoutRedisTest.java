package io.echostack.echo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.RedisProcess;
import io.echostack.echo.support.RunningEchoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API routes that read the presence store while Redis is gone: a JSON 503 within the read bound, not Lettuce's
 * 60 s command timeout ending in Jetty's HTML 500.
 */
class PresenceApiWithoutRedisTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void presenceReadsAnswer503QuicklyWhenRedisIsDown(@TempDir Path dir) throws Exception {
        RedisProcess redis = RedisProcess.server(dir);
        RunningEchoServer echo = new RunningEchoServer("\"clients\": [{\"appId\": \"app1\", \"key\": \"key1\"}],", "",
                "{\"host\": \"127.0.0.1\", \"port\": " + redis.port() + "}", "redis://127.0.0.1:" + redis.port());
        try {
            assertThat(get(echo, "/apps/app1/channels/presence-room/users").body()).isEqualTo("{\"users\":[]}");
            redis.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> echo.consoleOutput().contains("Redis connection lost"));

            for (String path : new String[] {"/apps/app1/channels/presence-room/users",
                    "/apps/app1/channels/presence-room"}) {
                long started = System.nanoTime();
                HttpResponse<String> response = get(echo, path);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(response.statusCode()).as(path).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
                assertThat(response.body()).isEqualTo("{\"error\":\"Presence store unavailable\"}");
                assertThat(took).isLessThan(BoundedPresenceReads.TIMEOUT.plusSeconds(2));
            }
        } finally {
            echo.close();
            redis.close();
        }
    }

    private static HttpResponse<String> get(RunningEchoServer echo, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + path)).header("Authorization", "Bearer key1")
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
