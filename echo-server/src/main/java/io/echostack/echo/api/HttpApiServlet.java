package io.echostack.echo.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.echo.channel.Broadcaster;
import io.echostack.echo.config.ApiClient;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.echo.presence.Presence;
import io.echostack.echo.transport.LocalRoomAdapter;
import io.echostack.events.json.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * {@code /apps/:appId/...}: laravel-echo-server's HTTP API ({@code status}, {@code channels},
 * {@code channels/:channel}, {@code channels/:channel/users}) and, when {@code subscribers.http} is on, its HTTP
 * publisher ({@code POST events}). Every route checks the app's key first (403 {@code {"error":"Unauthorized"}});
 * {@code OPTIONS} answers Express's way (200, the route's methods, no key needed). Mounted as the default servlet
 * ({@code /}), since Express matches {@code /APPS/...} too; other paths are 404s. Bodies over {@link #MAX_BODY}
 * bytes or not JSON are 400s; a presence store that does not answer is a quick 503; nothing a client sends can
 * crash the server.
 */
public final class HttpApiServlet extends HttpServlet {
    static final int MAX_BODY = 1024 * 1024;

    private final transient ApiAuthenticator authenticator;
    private final transient BoundedPresenceReads presenceReads;
    private final transient ChannelsApi channels;
    private final transient EventPublisher publisher;

    /** @param publishing whether {@code POST events} is served ({@code subscribers.http}) */
    public HttpApiServlet(List<ApiClient> clients, LocalRoomAdapter rooms, Presence presence,
                          Broadcaster broadcaster, boolean publishing, ConsoleLog console) {
        this.authenticator = new ApiAuthenticator(clients);
        this.presenceReads = new BoundedPresenceReads(presence);
        this.channels = new ChannelsApi(rooms, presenceReads);
        this.publisher = publishing ? new EventPublisher(broadcaster, console) : null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiRoute route = route(request);
        if (route == null || !route.kind().allows("GET")) {
            notFound(response);
        } else if (authorized(route, request, response)) {
            try {
                answerGet(route, request, response);
            } catch (BoundedPresenceReads.Unavailable e) {
                error(response, 503, e.getMessage());
            }
        }
    }

    private void answerGet(ApiRoute route, HttpServletRequest request, HttpServletResponse response)
            throws IOException, BoundedPresenceReads.Unavailable {
        switch (route.kind()) {
            case STATUS -> json(response, 200, channels.status());
            case CHANNELS -> json(response, 200, channels.channels(request.getParameter("filter_by_prefix")));
            case CHANNEL -> json(response, 200, channels.channel(route.channel()));
            case USERS -> users(route.channel(), response);
        }
    }

    private void users(String channel, HttpServletResponse response)
            throws IOException, BoundedPresenceReads.Unavailable {
        JsonNode users = channels.users(channel);
        if (users == null) {
            error(response, 400, "User list is only possible for Presence Channels");
        } else {
            json(response, 200, users);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiRoute route = route(request);
        if (route == null || !route.kind().allows("POST")) {
            notFound(response);
            return;
        }
        if (!authorized(route, request, response)) {
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            error(response, 400, "Request body over " + MAX_BODY + " bytes");
            return;
        }
        try {
            publisher.publish(new String(body, StandardCharsets.UTF_8));
            json(response, 200, Json.mapper().createObjectNode().put("message", "ok"));
        } catch (EventPublisher.BadRequest e) {
            error(response, 400, e.getMessage());
        }
    }

    /** Express's automatic answer: 200 with the route's methods as {@code Allow} and as the body. */
    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiRoute route = route(request);
        if (route == null) {
            notFound(response);
            return;
        }
        response.setHeader("Allow", route.kind().methods);
        response.setContentType("text/html; charset=utf-8");
        response.getOutputStream().write(route.kind().methods.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
        presenceReads.close();
    }

    /** The request's API route, or null when it has none ({@code POST events} is one only when publishing). */
    private ApiRoute route(HttpServletRequest request) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        ApiRoute route = ApiRoute.of(path);
        return route == null || route.kind() == ApiRoute.Kind.EVENTS && publisher == null ? null : route;
    }

    /** Whether the app's key was given; if not, the 403 is answered. */
    private boolean authorized(ApiRoute route, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (authenticator.allows(route.appId(), request)) {
            return true;
        }
        error(response, 403, "Unauthorized");
        return false;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        error(response, 404, "Not found");
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, Json.mapper().createObjectNode().put("error", message));
    }

    private static void json(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream().write(Json.mapper().writeValueAsBytes(body));
    }
}
