package io.echostack.echo.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import org.junit.jupiter.api.Test;

class ShallowMergeWarningsTest {

    @Test
    void aPartialNestedObjectIsWarnedAbout() throws Exception {
        ObjectNode file = (ObjectNode) Json.mapper().readTree(
                "{\"subscribers\": {\"http\": true}, \"databaseConfig\": {\"publishPresence\": true}}");

        assertThat(ShallowMergeWarnings.check(file)).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("\"subscribers\" has no \"redis\""))
                .anySatisfy(w -> assertThat(w).contains("\"databaseConfig\" has no \"redis\""));
        assertThat(ShallowMergeWarnings.check((ObjectNode) Json.mapper().readTree(
                "{\"subscribers\": {\"http\": false, \"redis\": true}}"))).isEmpty();
    }
}
