package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of {@code clients}: credentials for the HTTP API and HTTP publisher. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiClient(String appId, String key) {
}
