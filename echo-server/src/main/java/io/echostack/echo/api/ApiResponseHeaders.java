package io.echostack.echo.api;

import io.echostack.echo.config.ApiOriginAllow;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The headers laravel-echo-server's Express app puts on every response of the HTTP API and {@code GET /} (socket.io
 * answers itself): first the config's {@code headers} (name → value), then, when {@code apiOriginAllow.allowCors} is
 * on, its three static CORS headers.
 */
public final class ApiResponseHeaders extends HttpFilter {
    private final transient Map<String, String> headers;
    private final transient ApiOriginAllow cors;

    /** @param headers the config's {@code headers}, or null */
    public ApiResponseHeaders(Map<String, String> headers, ApiOriginAllow cors) {
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
        this.cors = cors;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.forEach(response::setHeader);
        if (cors != null && cors.allowCors()) {
            response.setHeader("Access-Control-Allow-Origin", nullToEmpty(cors.allowOrigin()));
            response.setHeader("Access-Control-Allow-Methods", nullToEmpty(cors.allowMethods()));
            response.setHeader("Access-Control-Allow-Headers", nullToEmpty(cors.allowHeaders()));
        }
        chain.doFilter(request, response);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
