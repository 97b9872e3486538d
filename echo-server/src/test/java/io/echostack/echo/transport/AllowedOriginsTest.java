package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.events.json.Json;
import org.junit.jupiter.api.Test;

/** socket.io 2's origins rules, entry by entry (Server.prototype.checkRequest). */
class AllowedOriginsTest {
    @Test
    void everyPageByDefault() {
        assertThat(AllowedOrigins.from(null).allows("http://any.test", null)).isTrue();
        assertThat(origins("\"*:*\"").allows(null, null)).isTrue();
    }

    @Test
    void aListIsMatchedEntryByEntryWithTheSchemesDefaultPort() {
        AllowedOrigins origins = origins("[\"https://app.test:443\", \"admin.test:8080\", \"cdn.test:*\", \"*:9000\"]");

        assertThat(origins.allows("https://app.test", null)).isTrue();
        assertThat(origins.allows("http://app.test", null)).isFalse();
        assertThat(origins.allows("http://ADMIN.test:8080", null)).isTrue();
        assertThat(origins.allows("http://admin.test", null)).isFalse();
        assertThat(origins.allows("https://cdn.test:1234/page?x=1", null)).isTrue();
        assertThat(origins.allows("http://other.test:9000", null)).isTrue();
        assertThat(origins.allows("http://other.test", null)).isFalse();
        assertThat(origins.allows(null, "https://app.test/dashboard")).isTrue();
        assertThat(origins.allows("http://evil.test", "https://app.test/dashboard")).isFalse();
    }

    @Test
    void aStringIsMatchedBySubstringAsSocketIoDoes() {
        AllowedOrigins origins = origins("\"app.test:* admin.test:*\"");

        assertThat(origins.allows("http://app.test", null)).isTrue();
        assertThat(origins.allows("http://admin.test:81", null)).isTrue();
        assertThat(origins.allows("http://evil.test", null)).isFalse();
    }

    @Test
    void aPageWithoutOriginCountsAsStar() {
        assertThat(origins("[\"*:80\"]").allows(null, null)).isTrue();
        assertThat(origins("[\"*:80\"]").allows("null", null)).isTrue();
        assertThat(origins("[\"app.test:*\"]").allows(null, null)).isFalse();
        assertThat(origins("[\"app.test:*\"]").allows("not a url", null)).isFalse();
    }

    private static AllowedOrigins origins(String json) {
        try {
            return AllowedOrigins.from(Json.mapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
