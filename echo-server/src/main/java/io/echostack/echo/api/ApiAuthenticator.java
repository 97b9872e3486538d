package io.echostack.echo.api;

import io.echostack.echo.config.ApiClient;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * laravel-echo-server's HTTP API credentials: the key is a non-empty {@code Authorization} header with
 * {@code "Bearer "} removed (any other value is compared as is), else the {@code auth_key} query parameter (what
 * Laravel's Pusher driver sends) when given once; access iff the first {@code clients} entry with this appId has
 * exactly this non-empty key. No clients: no access.
 */
final class ApiAuthenticator {
    private static final String QUERY_KEY = "auth_key";

    private final List<ApiClient> clients;

    ApiAuthenticator(List<ApiClient> clients) {
        this.clients = clients == null ? List.of() : List.copyOf(clients);
    }

    boolean allows(String appId, HttpServletRequest request) {
        String key = key(request);
        return key != null && !key.isEmpty() && clients.stream()
                .filter(client -> appId.equals(client.appId())).findFirst()
                .map(client -> key.equals(client.key())).orElse(false);
    }

    private static String key(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isEmpty()) {
            return authorization.replaceFirst("Bearer ", "");
        }
        List<String> keys = queryValues(request.getQueryString());
        return keys.size() == 1 ? keys.get(0) : null;
    }

    /**
     * The query's {@code auth_key} values, decoded as leniently as Node's querystring. Never
     * {@code getParameter}: that would read a form body, which is the publisher's JSON (sent by {@code curl -d}).
     */
    private static List<String> queryValues(String query) {
        List<String> values = new ArrayList<>();
        if (query != null) {
            UrlEncoded.decodeUtf8To(query, 0, query.length(), (name, value) -> {
                if (QUERY_KEY.equals(name)) {
                    values.add(value);
                }
            }, true, true, true);
        }
        return values;
    }
}
