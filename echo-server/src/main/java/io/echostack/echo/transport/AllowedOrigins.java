package io.echostack.echo.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * socket.io 2's {@code origins} option (laravel-echo-server passes its {@code socketio} object to socket.io): which
 * pages may open an engine.io session, checked on the handshake against the request's Origin, else its Referer.
 * Entries are {@code protocol//host:port}, {@code host:port}, {@code host:*} or {@code *:port}; the default
 * {@code *:*} allows every page. As in socket.io 2, a list is matched entry by entry and a single string by substring
 * ({@code "a.test:* b.test:*"} allows both), a missing port is the scheme's default, and a page without an origin
 * ({@code null}, e.g. file://) counts as {@code *}.
 */
public final class AllowedOrigins {
    static final AllowedOrigins ALL = new AllowedOrigins(List.of("*:*"), null);

    private final List<String> entries;
    private final String text;

    private AllowedOrigins(List<String> entries, String text) {
        this.entries = entries;
        this.text = text;
    }

    /** @param origins the {@code socketio.origins} value: a string, an array of strings, or null/missing (all) */
    static AllowedOrigins from(JsonNode origins) {
        if (origins == null || origins.isNull() || origins.isMissingNode()) {
            return ALL;
        }
        if (origins.isArray()) {
            List<String> entries = new ArrayList<>();
            origins.forEach(entry -> entries.add(entry.asText()));
            return new AllowedOrigins(List.copyOf(entries), null);
        }
        return new AllowedOrigins(null, origins.asText());
    }

    /** Whether a handshake with these Origin and Referer headers (either may be null) may open a session. */
    boolean allows(String origin, String referer) {
        if (listed("*:*")) {
            return true;
        }
        String given = origin != null ? origin : referer;
        String page = given == null || given.equals("null") ? "*" : given;
        URI uri;
        try {
            uri = new URI(page);
        } catch (URISyntaxException e) {
            return false;
        }
        // Node's url.parse: "http:" (or null), the host lower-cased (or null), the port or the scheme's default.
        String protocol = uri.getScheme() == null ? "null" : uri.getScheme().toLowerCase(Locale.ROOT) + ":";
        String host = uri.getHost() == null ? "null" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : protocol.equals("https:") ? 443 : 80;
        return listed(protocol + "//" + host + ":" + port) || listed(host + ":" + port) || listed(host + ":*")
                || listed("*:" + port);
    }

    private boolean listed(String entry) {
        return entries != null ? entries.contains(entry) : text.contains(entry);
    }
}
