package io.echostack.api.auth;

import java.util.Optional;

/**
 * Where a request carries its token: {@code Authorization: Bearer <token>} (API clients, laravel-echo's
 * {@code auth.headers}) or the session cookie the login sets (browsers; echo-server forwards it on channel auth).
 */
public final class Credentials {
    public static final String SESSION_COOKIE = "echo_session";
    private static final String BEARER = "Bearer ";

    private Credentials() {
    }

    /** @param authorization the Authorization header, or null */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The bearer token if present, else the session cookie's value (either may be null). */
    public static Optional<String> bearerOrCookie(String authorization, String session) {
        return bearer(authorization).or(() -> session == null || session.isBlank()
                ? Optional.empty() : Optional.of(session.strip()));
    }
}
