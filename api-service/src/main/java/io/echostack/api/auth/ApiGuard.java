package io.echostack.api.auth;

import io.echostack.api.error.ErrorBody;
import io.echostack.api.user.TokenService;
import io.echostack.api.user.User;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/**} endpoint except login needs an admin's bearer token: Laravel's {@code auth:sanctum} plus an
 * admin gate, with its JSON answers (401 {@code Unauthenticated.}, 403 {@code This action is unauthorized.}).
 * Only the Authorization header counts here: a cookie alone would make the API open to cross-site requests.
 */
public class ApiGuard {
    private static final Set<String> PUBLIC = Set.of("/api/login");

    private final TokenService tokens;
    private final CurrentUser current;

    ApiGuard(TokenService tokens, CurrentUser current) {
        this.tokens = tokens;
        this.current = current;
    }

    @ServerRequestFilter
    public Optional<Response> requireAdmin(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || PUBLIC.contains(path)) {
            return Optional.empty();
        }
        Optional<String> token = Credentials.bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<User> user = token.flatMap(tokens::userOf);
        if (user.isEmpty()) {
            return Optional.of(json(Response.Status.UNAUTHORIZED, "Unauthenticated."));
        }
        current.set(user.get(), token.get());
        if (!user.get().admin && !path.equals("/api/me") && !path.equals("/api/logout")) {
            return Optional.of(json(Response.Status.FORBIDDEN, "This action is unauthorized."));
        }
        return Optional.empty();
    }

    private static Response json(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message)).build();
    }
}
