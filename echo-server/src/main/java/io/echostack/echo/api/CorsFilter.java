package io.echostack.echo.api;

import io.echostack.echo.config.ApiOriginAllow;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code apiOriginAllow}: when {@code allowCors} is on, laravel-echo-server's three static CORS headers on every
 * response of the HTTP API and {@code GET /} (socket.io answers CORS itself).
 */
public final class CorsFilter extends HttpFilter {
    private final transient ApiOriginAllow cors;

    public CorsFilter(ApiOriginAllow cors) {
        this.cors = cors;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
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
