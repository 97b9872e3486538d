package io.echostack.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Laravel's expectsJson() decisions, case by case. */
class ExpectsJsonTest {
    private static final String XHR = "XMLHttpRequest";

    @Test
    void anXmlHttpRequestAcceptingAnythingExpectsJson() {
        assertThat(ExpectsJson.of(XHR, null, null)).isTrue();
        assertThat(ExpectsJson.of(XHR, null, "*/*")).isTrue();
        assertThat(ExpectsJson.of(XHR, null, "*")).isTrue();
        assertThat(ExpectsJson.of(XHR, "0", "*/*")).isTrue();
    }

    @Test
    void aPjaxOrHtmlPreferringXmlHttpRequestDoesNot() {
        assertThat(ExpectsJson.of(XHR, "true", "*/*")).isFalse();
        assertThat(ExpectsJson.of(XHR, null, "text/html,application/xhtml+xml,*/*;q=0.8")).isFalse();
        assertThat(ExpectsJson.of("fetch", null, "*/*")).isFalse();
        assertThat(ExpectsJson.of(null, null, null)).isFalse();
    }

    @Test
    void theMostAcceptableTypeBeingJsonIsEnoughWithoutXmlHttpRequest() {
        assertThat(ExpectsJson.of(null, null, "application/json")).isTrue();
        assertThat(ExpectsJson.of(null, null, "application/vnd.api+json; charset=utf-8")).isTrue();
        assertThat(ExpectsJson.of(null, null, "text/html;q=0.5, application/json")).isTrue();
        assertThat(ExpectsJson.of(null, null, "text/html, application/json")).isFalse();
        assertThat(ExpectsJson.of(null, null, "application/json;q=0.1, text/plain")).isFalse();
    }

    @Test
    void equalQualitiesKeepTheirOrderAndBadQualitiesCountAsZero() {
        assertThat(ExpectsJson.acceptableTypes("text/plain, application/json;q=abc, text/html"))
                .containsExactly("text/plain", "text/html", "application/json");
        assertThat(ExpectsJson.acceptableTypes(" , ")).isEmpty();
    }
}
