package io.echostack.echo.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import org.junit.jupiter.api.Test;

class ConfigWarningsTest {

    @Test
    void aPartialNestedObjectIsWarnedAbout() throws Exception {
        ObjectNode file = (ObjectNode) Json.mapper().readTree(
                "{\"subscribers\": {\"http\": true}, \"databaseConfig\": {\"publishPresence\": true}}");

        assertThat(ConfigWarnings.check(file)).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("\"subscribers\" has no \"redis\""))
                .anySatisfy(w -> assertThat(w).contains("\"databaseConfig\" has no \"redis\""));
        assertThat(ConfigWarnings.check((ObjectNode) Json.mapper().readTree(
                "{\"subscribers\": {\"http\": false, \"redis\": true}}"))).isEmpty();
    }

    @Test
    void sqliteWithoutItsObjectAndRedisOptionsWeCannotHonourAreWarnedAbout() throws Exception {
        ObjectNode file = (ObjectNode) Json.mapper().readTree("""
                {"database": "sqlite",
                 "databaseConfig": {"redis": {"path": "/run/redis.sock", "sentinelTLS": {}}}}
                """);

        assertThat(ConfigWarnings.check(file)).containsExactly(
                "\"databaseConfig\" has no \"sqlite\": the SQLite file is <working directory>"
                        + "/database/laravel-echo-server.sqlite.",
                "databaseConfig.redis.sentinelTLS is not supported and is ignored.",
                "databaseConfig.redis.path is not supported and is ignored.");
    }

    @Test
    void socketIoOptionsWeDoNotHonourAreWarnedAbout() throws Exception {
        ObjectNode file = (ObjectNode) Json.mapper().readTree("""
                {"socketio": {"path": "/ws", "origins": "app.test:*", "serveClient": false, "pingInterval": 1000,
                              "pingTimeout": 5000, "transports": ["websocket"], "cookie": false,
                              "allowUpgrades": false}}
                """);

        assertThat(ConfigWarnings.check(file)).containsExactly(
                "socketio.transports is not supported and is ignored.",
                "socketio.allowUpgrades is not supported and is ignored.");
    }
}
