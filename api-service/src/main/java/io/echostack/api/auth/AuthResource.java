package io.echostack.api.auth;

import io.echostack.api.error.ValidationFailed;
import io.echostack.api.user.PasswordHasher;
import io.echostack.api.user.TokenService;
import io.echostack.api.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;

/** Login (token + session cookie), logout and "who am I". */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    /** Laravel's {@code auth.failed}, the same for an unknown email and a wrong password. */
    static final String FAILED = "These credentials do not match our records.";

    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final CurrentUser current;
    private final Validator validator;
    private final LoginThrottle throttle;

    AuthResource(PasswordHasher hasher, TokenService tokens, CurrentUser current, Validator validator,
                 LoginThrottle throttle) {
        this.hasher = hasher;
        this.tokens = tokens;
        this.current = current;
        this.validator = validator;
        this.throttle = throttle;
    }

    /** Laravel's {@code ThrottlesLogins}: a locked-out email + IP is refused before the password is even checked. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<LoginResponse> login(LoginRequest body, HttpServerRequest http) {
        LoginRequest request = body == null ? LoginRequest.EMPTY : body;
        Set<ConstraintViolation<LoginRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String ip = http.remoteAddress().hostAddress();
        throttle.lockedFor(request.email(), ip).ifPresent(seconds -> {
            throw new TooManyLoginAttempts(seconds);
        });
        Optional<User> found = QuarkusTransaction.requiringNew().call(() -> User.byEmail(request.email()));
        Optional<User> authenticated = found.filter(u -> hasher.matches(request.password(), u.password));
        if (authenticated.isEmpty()) {
            throttle.hit(request.email(), ip);
            throw ValidationFailed.of("email", FAILED);
        }
        User user = authenticated.get();
        throttle.clear(request.email(), ip);
        String token = tokens.issue(user.id);
        return RestResponse.ResponseBuilder.ok(new LoginResponse(token, "Bearer", UserView.of(user)))
                .cookie(sessionCookie(token, NewCookie.DEFAULT_MAX_AGE))
                .build();
    }

    /** Revokes the token of this request and clears the session cookie. */
    @POST
    @Path("logout")
    public RestResponse<Void> logout() {
        current.token().ifPresent(tokens::revoke);
        return RestResponse.ResponseBuilder.<Void>noContent().cookie(sessionCookie("", 0)).build();
    }

    @GET
    @Path("me")
    public UserView me() {
        return UserView.of(current.require());
    }

    /** HttpOnly and SameSite=Lax: page scripts cannot read it and other sites cannot send it with a POST. */
    private static NewCookie sessionCookie(String value, int maxAge) {
        return new NewCookie.Builder(Credentials.SESSION_COOKIE).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
