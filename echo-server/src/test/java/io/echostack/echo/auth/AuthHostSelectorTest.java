package io.echostack.echo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthHostSelectorTest {
    private final AuthHostSelector tenants = new AuthHostSelector(
            List.of("http://app.test", ".tenant.test", "admin.test:8080", "http://fallback.test"));

    @Test
    void withoutARefererTheFirstHostIsUsed() {
        assertThat(tenants.select(null)).isEqualTo("http://app.test");
        assertThat(new AuthHostSelector(List.of()).select(null)).isEqualTo("http://localhost");
    }

    @Test
    void aMatchingRefererGivesItsOwnOrigin() {
        assertThat(tenants.select("http://app.test/page?x=1")).isEqualTo("http://app.test");
        assertThat(tenants.select("https://acme.tenant.test/home")).isEqualTo("https://acme.tenant.test");
        assertThat(tenants.select("https://admin.test:8080/")).isEqualTo("https://admin.test:8080");
        assertThat(tenants.select("http://app.test:80/")).isEqualTo("http://app.test");
    }

    @Test
    void anUnmatchedOrUnparsableRefererGivesTheLastHost() {
        assertThat(tenants.select("https://elsewhere.example/")).isEqualTo("http://fallback.test");
        assertThat(tenants.select("not a url")).isEqualTo("http://fallback.test");
        assertThat(tenants.select("file:///index.html")).isEqualTo("http://fallback.test");
    }

    @Test
    void anEmptyRefererCountsAsNone() {
        assertThat(tenants.select("")).isEqualTo("http://app.test");
    }
}
