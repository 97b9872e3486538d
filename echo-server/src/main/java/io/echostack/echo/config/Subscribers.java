package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code subscribers}: which publishers feed the server. A key left out of a given object means off, as in the reference. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscribers(boolean http, boolean redis) {
}
