package io.echostack.echo.api;

import io.echostack.echo.config.ApiClient;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * laravel-echo-server's HTTP API credentials: the key is the {@code Authorization} header with {@code "Bearer "}
 * removed (any other value is compared as is), else the {@code auth_key} query parameter (what Laravel's Pusher
 * driver sends); access iff a {@code clients} entry has exactly this appId and key. No clients: no access.
 */
final class ApiAuthenticator {
    private final List<ApiClient> clients;

    ApiAuthenticator(List<ApiClient> clients) {
        this.clients = clients == null ? List.of() : List.copyOf(clients);
    }

    boolean allows(String appId, HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String key = authorization != null ? authorization.replaceFirst("Bearer ", "") : request.getParameter("auth_key");
        return key != null && clients.stream()
                .anyMatch(client -> appId.equals(client.appId()) && key.equals(client.key()));
    }
}
