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
 * a private or presence channel. It forwards the browser's {@code Authorization} header and cookies (and
 * {@code X-Requested-With}); the answers are byte for byte Laravel's (see the captures in
 * src/test/resources/laravel-8/auth-responses.txt), and a refusal is JSON only when the request expects JSON.
 */
@Path("/broadcasting/auth")
public class BroadcastAuthResource {
    /** Laravel renders the AccessDeniedHttpException of a JSON request with JSON_PRETTY_PRINT and no message. */
    static final String FORBIDDEN_BODY = "{\n    \"message\": \"\"\n}";
    /** Otherwise Laravel shows its "403 | Forbidden" error page; ours says the same without Laravel's styling. */
    static final String FORBIDDEN_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Forbidden</title></head>
            <body><h1>403 | Forbidden</h1></body>
            </html>
            """;
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
                         @RestCookie(Credentials.SESSION_COOKIE) String session, HttpHeaders headers) {
        return answer(channelName, authorization, session, headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response json(Map<String, Object> body, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                         @RestCookie(Credentials.SESSION_COOKIE) String session, HttpHeaders headers) {
        Object channelName = body == null ? null : body.get("channel_name");
        return answer(channelName instanceof String name ? name : null, authorization, session, headers);
    }

    /** Laravel registers GET too ({@code Route::match(['get', 'post'], ...)}). */
    @GET
    public Response query(@RestQuery("channel_name") String channelName,
                          @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                          @RestCookie(Credentials.SESSION_COOKIE) String session, HttpHeaders headers) {
        return answer(channelName, authorization, session, headers);
    }

    private Response answer(String channelName, String authorization, String session, HttpHeaders headers) {
        Optional<User> user = Credentials.bearerOrCookie(authorization, session).flatMap(tokens::userOf);
        return authorizer.authorize(channelName, user)
                .map(body -> Response.ok(body).type(HTML))
                .orElseGet(() -> forbidden(headers))
                .header(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                .build();
    }

    private static Response.ResponseBuilder forbidden(HttpHeaders headers) {
        Response.ResponseBuilder forbidden = Response.status(Response.Status.FORBIDDEN);
        if (ExpectsJson.of(headers.getHeaderString("X-Requested-With"), headers.getHeaderString("X-PJAX"),
                headers.getHeaderString(HttpHeaders.ACCEPT))) {
            return forbidden.entity(FORBIDDEN_BODY).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return forbidden.entity(FORBIDDEN_PAGE).type(HTML);
    }
}
