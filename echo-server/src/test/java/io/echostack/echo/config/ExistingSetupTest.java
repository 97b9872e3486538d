package io.echostack.echo.config;

import io.echostack.echo.EchoServer;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.testsupport.FreePorts;
import io.echostack.testsupport.TestRedis;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A laravel-echo-server installation started unchanged: the file its {@code init} writes (every default key,
 * tab-indented, port as a string, sqlite path, a client) with the Redis address and the auth host coming from
 * {@code LARAVEL_ECHO_SERVER_*} variables ({@code ${APP_URL}} expansion), then real laravel-echo 1.x clients.
 */
class ExistingSetupTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theReferencesFileAndEnvironmentWorkAsTheyAre(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        Path file = dir.resolve("laravel-echo-server.json");
        Files.writeString(file, ("{\n\t\"authHost\": \"http://localhost\",\n\t\"authEndpoint\": \"/broadcasting/auth\",\n"
                + "\t\"clients\": [\n\t\t{\n\t\t\t\"appId\": \"2c1e5e0e9c2a1b3d\",\n\t\t\t\"key\": \"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"\n"
                + "\t\t}\n\t],\n\t\"database\": \"redis\",\n\t\"databaseConfig\": {\n\t\t\"redis\": {\n"
                + "\t\t\t\"keyPrefix\": \"laravel_database_\"\n\t\t},\n\t\t\"sqlite\": {\n"
                + "\t\t\t\"databasePath\": \"/database/laravel-echo-server.sqlite\"\n\t\t}\n\t},\n"
                + "\t\"devMode\": true,\n\t\"host\": null,\n\t\"port\": \"%d\",\n\t\"protocol\": \"http\",\n"
                + "\t\"socketio\": {},\n\t\"secureOptions\": 67108864,\n\t\"sslCertPath\": \"\",\n\t\"sslKeyPath\": \"\",\n"
                + "\t\"sslCertChainPath\": \"\",\n\t\"sslPassphrase\": \"\",\n\t\"subscribers\": {\n\t\t\"http\": true,\n"
                + "\t\t\"redis\": true\n\t},\n\t\"apiOriginAllow\": {\n\t\t\"allowCors\": false,\n\t\t\"allowOrigin\": \"\",\n"
                + "\t\t\"allowMethods\": \"\",\n\t\t\"allowHeaders\": \"\"\n\t}\n}").formatted(port));
        TestRedis redis = TestRedis.get();
        try (LaravelAuthEndpoint laravel = new LaravelAuthEndpoint()) {
            Map<String, String> env = Map.of("APP_URL", laravel.url(),
                    "LARAVEL_ECHO_SERVER_AUTH_HOST", "${APP_URL}",
                    "LARAVEL_ECHO_SERVER_REDIS_HOST", redis.host(),
                    "LARAVEL_ECHO_SERVER_REDIS_PORT", Integer.toString(redis.port()));
            RedisClient publisher = RedisClient.create(redis.url());
            try (EchoServer server = new EchoServer(ConfigLoader.load(file, env), ConsoleLog.stdout(true)).start();
                 var connection = publisher.connect();
                 EchoClient client = EchoClient.builder(EchoGeneration.ECHO_1, "http://localhost:" + server.port())
                         .channel("private-App.Models.User.1").event("UserNotified")
                         .authHeader("Authorization", "Bearer user-1").transports(Transports.DEFAULT).start()) {
                client.awaitSocketId(WAIT);
                org.awaitility.Awaitility.await().atMost(WAIT)
                        .until(() -> server.subscriberCount("private-App.Models.User.1") == 1);

                connection.sync().publish("laravel_database_private-App.Models.User.1",
                        "{\"event\":\"App\\\\Events\\\\UserNotified\",\"data\":{\"userId\":1},\"socket\":null}");

                client.awaitEvent("private-App.Models.User.1", "UserNotified", WAIT);
            } finally {
                publisher.shutdown();
            }
        }
    }
}
