package io.echostack.echo.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {

    @Test
    void readsDotenvLinesAndTheRealEnvironmentWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, """
                # Laravel's .env
                APP_URL=http://app.test
                LARAVEL_ECHO_SERVER_AUTH_HOST=${APP_URL}
                LARAVEL_ECHO_SERVER_REDIS_KEY_PREFIX="laravel_database_"
                LARAVEL_ECHO_SERVER_PORT = 6005
                QUOTED='a b # c'
                not a variable
                """);

        Map<String, String> env = DotEnv.overlay(file, Map.of("LARAVEL_ECHO_SERVER_PORT", "6006"));

        assertThat(env).containsEntry("APP_URL", "http://app.test").containsEntry("QUOTED", "a b # c")
                .containsEntry("LARAVEL_ECHO_SERVER_REDIS_KEY_PREFIX", "laravel_database_")
                .containsEntry("LARAVEL_ECHO_SERVER_PORT", "6006");
        EchoServerConfig config = ConfigLoader.parse("{\"databaseConfig\": {\"redis\": {}}}", env);
        assertThat(config.authHost()).containsExactly("http://app.test");
        assertThat(config.port()).isEqualTo(6006);
        assertThat(config.redis().keyPrefix()).isEqualTo("laravel_database_");
    }

    @Test
    void redisDbAndPrefixHaveVariablesToo() throws Exception {
        EchoServerConfig config = ConfigLoader.parse("{}", Map.of("LARAVEL_ECHO_SERVER_REDIS_DB", "3",
                "LARAVEL_ECHO_SERVER_REDIS_KEY_PREFIX", "app_"));
        assertThat(config.redis().dbOrDefault()).isEqualTo(3);
        assertThat(config.redis().prefix().value()).isEqualTo("app_");
    }

    @Test
    void aMissingFileAddsNothing(@TempDir Path dir) {
        assertThat(DotEnv.overlay(dir.resolve(".env"), Map.of("A", "1"))).containsOnly(Map.entry("A", "1"));
    }
}
