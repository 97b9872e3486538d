package io.echostack.echo.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.echo.support.RedisProcess;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import io.lettuce.core.RedisClient;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code databaseConfig.redis.sentinels} + {@code name}: the server asks a real Redis Sentinel for the master, with
 * the sentinel's own password ({@code sentinelPassword}) and the master's ({@code password}); broadcasts and presence
 * members both go through the master it found, and follow a failover.
 */
class RedisSentinelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static RedisProcess master;
    private static RedisProcess sentinel;
    private static LaravelAuthEndpoint laravel;

    @BeforeAll
    static void start() throws Exception {
        master = RedisProcess.server(dir, "requirepass master-secret");
        sentinel = RedisProcess.sentinel(dir,
                "sentinel monitor echo-master 127.0.0.1 " + master.port() + " 1",
                "sentinel auth-pass echo-master master-secret",
                "requirepass sentinel-secret");
        laravel = new LaravelAuthEndpoint();
    }

    @AfterAll
    static void stop() throws Exception {
        laravel.close();
        sentinel.close();
        master.close();
    }

    @Test
    void broadcastsAndPresenceGoThroughTheMasterTheSentinelNames() throws Exception {
        String redis = """
                {"sentinels": [{"host": "127.0.0.1", "port": %d}], "name": "echo-master",
                 "sentinelPassword": "sentinel-secret", "password": "master-secret", "keyPrefix": "app_"}
                """.formatted(sentinel.port());
        String masterUrl = "redis://master-secret@127.0.0.1:" + master.port();
        try (RunningEchoServer echo = new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\",", "", redis,
                masterUrl);
             EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, echo.url()).channel("presence-chat.1")
                     .authHeader("Authorization", "Bearer user-1").transports(Transports.WEBSOCKET).start()) {
            client.command("listen sentinel_room");
            echo.awaitSubscribers("sentinel_room", 1);
            echo.publish("app_sentinel_room", "{\"event\":\"backend_poster\",\"data\":{\"n\":1},\"socket\":null}");
            client.awaitEvent("sentinel_room", ".backend_poster", WAIT);

            await().atMost(WAIT).until(() -> PresenceMembers.parse(
                    echo.redis().get("app_presence-chat.1:members")).hasUser("1", null));
            assertThat(echo.consoleOutput()).contains("redis-sentinel://***@127.0.0.1:" + sentinel.port());
        }
    }

    /** The sentinel promotes the replica when the master dies; the server reconnects to the new master by itself. */
    @Test
    void afterAFailoverBroadcastsAndPresenceFollowTheNewMaster(@TempDir Path failoverDir) throws Exception {
        RedisProcess oldMaster = RedisProcess.server(failoverDir);
        try (RedisProcess replica = RedisProcess.server(failoverDir, "replicaof 127.0.0.1 " + oldMaster.port());
             RedisProcess watcher = RedisProcess.sentinel(failoverDir,
                     "sentinel monitor failover-master 127.0.0.1 " + oldMaster.port() + " 1",
                     "sentinel down-after-milliseconds failover-master 1000",
                     "sentinel failover-timeout failover-master 5000")) {
            RedisClient sentinelClient = RedisClient.create("redis://127.0.0.1:" + watcher.port());
            try (var sentinelConnection = sentinelClient.connectSentinel()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !sentinelConnection.sync()
                        .slaves("failover-master").isEmpty());
                String redis = """
                        {"sentinels": [{"host": "127.0.0.1", "port": %d}], "name": "failover-master", "keyPrefix": "fo_"}
                        """.formatted(watcher.port());
                try (RunningEchoServer echo = new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\",", "",
                        redis, "redis://127.0.0.1:" + replica.port());
                     EchoClient client = EchoClient.builder(EchoGeneration.ECHO_1, echo.url()).channel("failover_room")
                             .transports(Transports.WEBSOCKET).start()) {
                    echo.awaitSubscribers("failover_room", 1);

                    oldMaster.close();
                    await().atMost(Duration.ofSeconds(30)).until(() -> sentinelConnection.sync()
                            .getMasterAddrByName("failover-master") instanceof InetSocketAddress address
                            && address.getPort() == replica.port());

                    // Pub/sub has no backlog: publish on the new master until the re-issued PSUBSCRIBE gets one.
                    AtomicInteger sent = new AtomicInteger();
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        echo.publish("fo_failover_room", "{\"event\":\"backend_poster\",\"data\":{\"n\":"
                                + sent.incrementAndGet() + "},\"socket\":null}");
                        return !client.events().isEmpty();
                    });
                    try (EchoClient member = EchoClient.builder(EchoGeneration.ECHO_2, echo.url())
                            .channel("presence-chat.4").authHeader("Authorization", "Bearer user-4")
                            .transports(Transports.WEBSOCKET).start()) {
                        await().atMost(WAIT).until(() -> PresenceMembers.parse(
                                echo.redis().get("fo_presence-chat.4:members")).hasUser("4", null));
                    }
                }
            } finally {
                sentinelClient.shutdown();
            }
        } finally {
            oldMaster.close();
        }
    }

    @Test
    void aWrongSentinelPasswordStopsTheStartWithAnError() {
        String redis = """
                {"sentinels": [{"host": "127.0.0.1", "port": %d}], "name": "echo-master",
                 "sentinelPassword": "wrong", "password": "master-secret"}
                """.formatted(sentinel.port());
        assertThatThrownBy(() -> new RunningEchoServer("", "", redis, "redis://127.0.0.1:" + master.port()).close())
                .hasMessageContaining("Cannot connect to a Redis Sentinel").rootCause().hasMessageContaining("WRONGPASS");
    }

    @Test
    void sentinelsWithoutANameAreAConfigurationError() {
        String redis = "{\"sentinels\": [{\"host\": \"127.0.0.1\", \"port\": " + sentinel.port() + "}]}";
        assertThatThrownBy(() -> new RunningEchoServer("", "", redis, "redis://127.0.0.1:" + master.port()).close())
                .hasMessageContaining("databaseConfig.redis.sentinels needs \"name\"");
    }
}
