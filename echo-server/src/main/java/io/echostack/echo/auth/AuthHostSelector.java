package io.echostack.echo.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Picks the Laravel host to send a socket's auth request to, with laravel-echo-server's rules: without a handshake
 * {@code Referer} the first configured host; with one, the first entry the referer matches (then the referer's own
 * origin is used, so one config serves several tenants) and, when none matches or the referer is no URL with a host
 * ({@code file:///index.html}), the last entry: the reference's loop leaves its pick there. An entry matches when
 * it equals the referer's {@code scheme://host[:port]}, its {@code host[:port]}, or its hostname from the first dot on
 * ({@code .example.com} matches every subdomain).
 */
public final class AuthHostSelector {
    static final String FALLBACK = "http://localhost";

    private final List<String> hosts;

    /** @param hosts {@code authHost} as a list, or {@code [host]} when authHost is empty */
    public AuthHostSelector(List<String> hosts) {
        this.hosts = hosts == null ? List.of() : hosts.stream().filter(h -> h != null && !h.isEmpty()).toList();
    }

    /** @param referer the handshake's Referer header, or null */
    public String select(String referer) {
        if (hosts.isEmpty()) {
            return FALLBACK;
        }
        if (referer == null || referer.isEmpty()) {
            return hosts.get(0);
        }
        Referer parsed = Referer.parse(referer);
        for (String entry : hosts) {
            if (parsed != null && parsed.matches(entry)) {
                return parsed.origin();
            }
        }
        return hosts.get(hosts.size() - 1);
    }

    private record Referer(String scheme, String hostname, String host) {

        static Referer parse(String value) {
            try {
                URI uri = new URI(value.trim());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return null;
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                String hostname = uri.getHost().toLowerCase(Locale.ROOT);
                boolean defaultPort = uri.getPort() == -1
                        || ("http".equals(scheme) && uri.getPort() == 80)
                        || ("https".equals(scheme) && uri.getPort() == 443);
                return new Referer(scheme, hostname, defaultPort ? hostname : hostname + ":" + uri.getPort());
            } catch (URISyntaxException e) {
                return null;
            }
        }

        String origin() {
            return scheme + "://" + host;
        }

        boolean matches(String entry) {
            int dot = hostname.indexOf('.');
            return (dot >= 0 && hostname.substring(dot).equals(entry)) || origin().equals(entry) || host.equals(entry);
        }
    }
}
