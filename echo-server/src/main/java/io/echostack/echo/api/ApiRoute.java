package io.echostack.echo.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of laravel-echo-server's Express routes under {@code /apps/:appId/}. Like Express, the literal parts match in
 * any case ({@code /APPS/app1/STATUS}) and a trailing slash is allowed; {@code appId} and the channel keep theirs.
 *
 * @param channel the {@code :channelName} of {@link Kind#CHANNEL} and {@link Kind#USERS}, else null
 */
record ApiRoute(String appId, Kind kind, String channel) {
    private static final Pattern ROUTE = Pattern.compile(
            "^/apps/([^/]+)/(?:(status)|(events)|channels(?:/([^/]+)(/users)?)?)/?$", Pattern.CASE_INSENSITIVE);

    /** @param methods what Express's automatic {@code OPTIONS} answer lists for the route */
    enum Kind {
        STATUS("GET,HEAD"), CHANNELS("GET,HEAD"), CHANNEL("GET,HEAD"), USERS("GET,HEAD"), EVENTS("POST");

        final String methods;

        Kind(String methods) {
            this.methods = methods;
        }

        boolean allows(String method) {
            return List.of(methods.split(",")).contains(method);
        }
    }

    /** The route of a decoded request path, or null when it is none of them. */
    static ApiRoute of(String path) {
        Matcher route = ROUTE.matcher(path);
        if (!route.matches()) {
            return null;
        }
        String channel = route.group(4);
        Kind kind = route.group(2) != null ? Kind.STATUS
                : route.group(3) != null ? Kind.EVENTS
                : channel == null ? Kind.CHANNELS
                : route.group(5) == null ? Kind.CHANNEL : Kind.USERS;
        return new ApiRoute(route.group(1), kind, channel);
    }
}
