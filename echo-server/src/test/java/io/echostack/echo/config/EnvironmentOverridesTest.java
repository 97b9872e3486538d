package io.echostack.echo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {

    @Test
    void theTwelveVariablesOverrideTheFile() throws ConfigException {
        EchoServerConfig config = ConfigLoader.parse("""
                {"host": "0.0.0.0", "port": 6001, "authHost": "http://file",
                 "databaseConfig": {"redis": {"host": "file-redis", "keyPrefix": "laravel_database_"}}}
                """, Map.of(
                "LARAVEL_ECHO_SERVER_HOST", "127.0.0.1",
                "LARAVEL_ECHO_SERVER_PORT", "tcp://10.0.0.1:6009",
                "LARAVEL_ECHO_SERVER_AUTH_HOST", "http://env",
                "LARAVEL_ECHO_SERVER_DEBUG", "true",
                "LARAVEL_ECHO_SERVER_REDIS_HOST", "env-redis",
                "LARAVEL_ECHO_SERVER_REDIS_PORT", "6380",
                "LARAVEL_ECHO_SERVER_REDIS_PASSWORD", "s3cret",
                "LARAVEL_ECHO_SERVER_PROTO", "http"));

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(6009);
        assertThat(config.authHost()).containsExactly("http://env");
        assertThat(config.devMode()).isTrue();
        assertThat(config.redis()).extracting(RedisConfig::host, RedisConfig::port, RedisConfig::password,
                RedisConfig::db, RedisConfig::keyPrefix)
                .containsExactly("env-redis", 6380, "s3cret", null, "laravel_database_");
    }

    @Test
    void aReferenceReplacesTheWholeValueAndEmptyValuesAreIgnored() throws ConfigException {
        EchoServerConfig config = ConfigLoader.parse("{\"host\": \"file-host\"}", Map.of(
                "LARAVEL_ECHO_SERVER_AUTH_HOST", "prefix-${APP_URL}-suffix",
                "APP_URL", "https://app.test",
                "LARAVEL_ECHO_SERVER_HOST", "",
                "LARAVEL_ECHO_SERVER_DEBUG", "yes"));

        assertThat(config.authHost()).containsExactly("https://app.test");
        assertThat(config.host()).isEqualTo("file-host");
        assertThat(config.devMode()).isFalse();
    }

    @Test
    void missingParentObjectsAreCreated() throws ConfigException {
        EchoServerConfig config = ConfigLoader.parse("{}", Map.of("LARAVEL_ECHO_SERVER_REDIS_HOST", "redis"));

        assertThat(config.redis().hostOrDefault()).isEqualTo("redis");
    }

    @Test
    void anUnusableValueIsAClearError() {
        assertThatThrownBy(() -> ConfigLoader.parse("{}", Map.of("LARAVEL_ECHO_SERVER_REDIS_PORT", "six")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unexpected value");
        assertThatThrownBy(() -> ConfigLoader.parse("{}", Map.of("LARAVEL_ECHO_SERVER_PORT", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("port");
    }
}
