package io.echostack.echo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @Test
    void emptyFileGivesTheReferenceDefaults() throws ConfigException {
        EchoServerConfig config = ConfigLoader.parse("{}");

        assertThat(config.authHost()).containsExactly("http://localhost");
        assertThat(config.authEndpoint()).isEqualTo("/broadcasting/auth");
        assertThat(config.clients()).isEmpty();
        assertThat(config.database()).isEqualTo("redis");
        assertThat(config.devMode()).isFalse();
        assertThat(config.host()).isNull();
        assertThat(config.displayHost()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(6001);
        assertThat(config.protocol()).isEqualTo("http");
        assertThat(config.subscribers()).isEqualTo(new Subscribers(true, true));
        assertThat(config.apiOriginAllow()).isEqualTo(new ApiOriginAllow(false, "", "", ""));
        assertThat(config.redis().describe()).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(config.redis().prefix().value()).isEmpty();
    }

    @Test
    void readsATypicalFile() throws ConfigException {
        EchoServerConfig config = ConfigLoader.parse("""
                {
                  "authHost": ["http://app.test", ".example.com"],
                  "clients": [{"appId": "a1b2", "key": "k3y"}],
                  "databaseConfig": {"redis": {"host": "redis", "port": 6380, "password": "s3cret", "db": 2,
                                               "keyPrefix": "laravel_database_"}},
                  "host": "127.0.0.1",
                  "port": "tcp://10.0.0.1:6009",
                  "apiOriginAllow": {"allowCors": true, "allowOrigin": "http://app.test",
                                     "allowMethods": "GET, POST", "allowHeaders": "Origin"},
                  "unknownKey": {"ignored": true}
                }
                """);

        assertThat(config.authHost()).containsExactly("http://app.test", ".example.com");
        assertThat(config.clients()).containsExactly(new ApiClient("a1b2", "k3y"));
        assertThat(config.redis()).extracting(RedisConfig::host, RedisConfig::port, RedisConfig::password,
                RedisConfig::db, RedisConfig::keyPrefix)
                .containsExactly("redis", 6380, "s3cret", 2, "laravel_database_");
        assertThat(config.redis().describe()).isEqualTo("redis://***@redis:6380/2");
        assertThat(config.redis().prefix().subscribePattern()).isEqualTo("laravel_database_*");
        assertThat(config.port()).isEqualTo(6009);
        assertThat(config.apiOriginAllow().allowCors()).isTrue();
    }

    @Test
    void mergesOnlyTheTopLevelLikeTheReference() throws ConfigException {
        EchoServerConfig config = ConfigLoader.parse("{\"subscribers\": {\"http\": true}}");

        assertThat(config.subscribers()).isEqualTo(new Subscribers(true, false));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "'\"true\"', true", "1, false", "'\"yes\"', false", "false, false"})
    void devModeIsOnlyTrueOrTheStringTrue(String json, boolean expected) throws ConfigException {
        assertThat(ConfigLoader.parse("{\"devMode\": " + json + "}").devMode()).isEqualTo(expected);
    }

    @Test
    void invalidJsonIsAClearError() {
        assertThatThrownBy(() -> ConfigLoader.parse("{\"port\": 6001,"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ConfigLoader.parse("[]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"databaseConfig\": {\"redis\": {\"port\": \"x\"}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unexpected value");
    }

    @Test
    void loadsRelativeToDirAndReportsAMissingFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("echo.json"), "{\"port\": 7001}");

        assertThat(ConfigLoader.load(ConfigLoader.resolve(dir.toString(), "echo.json")).port()).isEqualTo(7001);
        assertThat(ConfigLoader.resolve(null, null)).isEqualTo(Path.of("laravel-echo-server.json"));
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("could not be found");
    }

    @Test
    void dirAndConfigAreJoinedAsNodesPathJoin() {
        assertThat(ConfigLoader.resolve("/etc/echo", "/laravel-echo-server.json"))
                .isEqualTo(Path.of("/etc/echo/laravel-echo-server.json"));
        assertThat(ConfigLoader.resolve("/etc/echo/", "./conf/../echo.json")).isEqualTo(Path.of("/etc/echo/echo.json"));
        assertThat(ConfigLoader.resolve("", "echo.json")).isEqualTo(Path.of("echo.json"));
        assertThat(ConfigLoader.resolve(null, "/srv/echo.json")).isEqualTo(Path.of("/srv/echo.json"));
    }

    @Test
    void authHostMayBeASingleString() throws ConfigException {
        assertThat(ConfigLoader.parse("{\"authHost\": \"http://a\"}").authHost()).isEqualTo(List.of("http://a"));
    }

    @Test
    void theDatabaseIsRedisOrSqliteAndTheSqlitePathIsUnderTheWorkingDirectory() throws ConfigException {
        EchoServerConfig sqlite = ConfigLoader.parse("""
                {"database": "sqlite", "databaseConfig": {"sqlite": {"databasePath": "/db/echo.sqlite"}}}
                """);
        assertThat(sqlite.sqliteFile()).isEqualTo(Path.of(System.getProperty("user.dir") + "/db/echo.sqlite"));
        assertThat(ConfigLoader.parse("{\"database\": \"sqlite\", \"databaseConfig\": {\"redis\": {}}}").sqliteFile())
                .isEqualTo(Path.of(System.getProperty("user.dir") + "/database/laravel-echo-server.sqlite"));
        assertThatThrownBy(() -> ConfigLoader.parse("{\"database\": \"mysql\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"database\" must be \"redis\" or \"sqlite\", not \"mysql\"");
    }
}
