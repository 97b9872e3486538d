package io.echostack.api.channel;

import io.echostack.api.auth.Credentials;
import io.echostack.api.user.TokenService;
import io.echostack.api.user.User;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Laravel's {@code /broadcasting/auth}, which echo-server (like laravel-echo-server) asks before letting a socket join
 * a private or presence channel. It forwards the browser's {@code Authorization} header and cookies; the answers are
 * byte for byte Laravel's (see the captures in src/test/resources/laravel-8/auth-responses.txt).
 */
@Path("/broadcasting/auth")
public class BroadcastAuthResource {
    /** Laravel renders the AccessDeniedHttpException of a JSON request with JSON_PRETTY_PRINT and no message. */
    static final String FORBIDDEN_BODY = "{\n    \"message\": \"\"\n}";
    private static final String HTML = "text/html; charset=UTF-8";
    private static final String NO_CACHE = "no-cache, private";

    private final ChannelAuthorizer authorizer;
    private final TokenService tokens;

    BroadcastAuthResource(ChannelAuthorizer authorizer, TokenService tokens) {
        this.authorizer = authorizer;
        this.tokens = tokens;
    }

    /** What laravel-echo-server sends: {@code channel_name} as form data. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(@RestForm("channel_name") String channelName,
                         @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                         @RestCookie(Credentials.SESSION_COOKIE) String session) {
        return answer(channelName, authorization, session);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response json(Map<String, Object> body, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                         @RestCookie(Credentials.SESSION_COOKIE) String session) {
        Object channelName = body == null ? null : body.get("channel_name");
        return answer(channelName instanceof String name ? name : null, authorization, session);
    }

    /** Laravel registers GET too ({@code Route::match(['get', 'post'], ...)}). */
    @GET
    public Response query(@RestQuery("channel_name") String channelName,
                          @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                          @RestCookie(Credentials.SESSION_COOKIE) String session) {
        return answer(channelName, authorization, session);
    }

    private Response answer(String channelName, String authorization, String session) {
        Optional<User> user = Credentials.bearerOrCookie(authorization, session).flatMap(tokens::userOf);
        return authorizer.authorize(channelName, user)
                .map(body -> Response.ok(body).type(HTML))
                .orElseGet(() -> Response.status(Response.Status.FORBIDDEN).entity(FORBIDDEN_BODY)
                        .type(MediaType.APPLICATION_JSON_TYPE))
                .header(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                .build();
    }
}
