package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.events.json.Json;
import org.junit.jupiter.api.Test;

/** socket.io 2's origins rules, entry by entry (Server.prototype.checkRequest). */
class AllowedOriginsTest {
    @Test
    void everyPageByDefault() {
        assertThat(AllowedOrigins.from(null).allows("http://any.test")).isTrue();
        assertThat(origins("\"*:*\"").allows(null)).isTrue();
    }

    @Test
    void aListIsMatchedEntryByEntryWithTheSchemesDefaultPort() {
        AllowedOrigins origins = origins("[\"https://app.test:443\", \"admin.test:8080\", \"cdn.test:*\", \"*:9000\"]");

        assertThat(origins.allows("https://app.test")).isTrue();
        assertThat(origins.allows("http://app.test")).isFalse();
        assertThat(origins.allows("http://ADMIN.test:8080")).isTrue();
        assertThat(origins.allows("http://admin.test")).isFalse();
        assertThat(origins.allows("https://cdn.test:1234/page?x=1")).isTrue();
        assertThat(origins.allows("http://other.test:9000")).isTrue();
        assertThat(origins.allows("http://other.test")).isFalse();
    }

    @Test
    void aStringIsMatchedBySubstringAsSocketIoDoes() {
        AllowedOrigins origins = origins("\"app.test:* admin.test:*\"");

        assertThat(origins.allows("http://app.test")).isTrue();
        assertThat(origins.allows("http://admin.test:81")).isTrue();
        assertThat(origins.allows("http://evil.test")).isFalse();
    }

    @Test
    void aPageWithoutOriginCountsAsStar() {
        assertThat(origins("[\"*:80\"]").allows(null)).isTrue();
        assertThat(origins("[\"*:80\"]").allows("null")).isTrue();
        assertThat(origins("[\"app.test:*\"]").allows(null)).isFalse();
        assertThat(origins("[\"app.test:*\"]").allows("not a url")).isFalse();
    }

    private static AllowedOrigins origins(String json) {
        try {
            return AllowedOrigins.from(Json.mapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
