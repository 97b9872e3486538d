package io.echostack.echo.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code apiOriginAllow}: static CORS headers for the HTTP API (not for socket.io). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiOriginAllow(boolean allowCors, String allowOrigin, String allowMethods, String allowHeaders) {
}
