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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /apps/:appId/...}: laravel-echo-server's HTTP API ({@code status}, {@code channels},
 * {@code channels/:channel}, {@code channels/:channel/users}) and, when {@code subscribers.http} is on, its HTTP
 * publisher ({@code POST events}). Every route checks the app's key first (403 {@code {"error":"Unauthorized"}}).
 * Bodies over {@link #MAX_BODY} bytes or not JSON are 400s; nothing a client sends can crash the server.
 */
public final class HttpApiServlet extends HttpServlet {
    static final int MAX_BODY = 1024 * 1024;
    private static final Pattern ROUTE = Pattern.compile("^/([^/]+)/(status|channels|events)(?:/([^/]+)(/users)?)?/?$");

    private final transient ApiAuthenticator authenticator;
    private final transient ChannelsApi channels;
    private final transient EventPublisher publisher;

    /** @param publishing whether {@code POST events} is served ({@code subscribers.http}) */
    public HttpApiServlet(List<ApiClient> clients, LocalRoomAdapter rooms, Presence presence,
                          Broadcaster broadcaster, boolean publishing, ConsoleLog console) {
        this.authenticator = new ApiAuthenticator(clients);
        this.channels = new ChannelsApi(rooms, presence);
        this.publisher = publishing ? new EventPublisher(broadcaster, console) : null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher route = route(request, response);
        if (route == null) {
            return;
        }
        String resource = route.group(2);
        String channel = route.group(3);
        if ("status".equals(resource) && channel == null) {
            json(response, 200, channels.status());
        } else if ("channels".equals(resource) && channel == null) {
            json(response, 200, channels.channels(request.getParameter("filter_by_prefix")));
        } else if ("channels".equals(resource) && route.group(4) == null) {
            json(response, 200, channels.channel(channel));
        } else if ("channels".equals(resource)) {
            JsonNode users = channels.users(channel);
            if (users == null) {
                error(response, 400, "User list is only possible for Presence Channels");
            } else {
                json(response, 200, users);
            }
        } else {
            notFound(response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher route = route(request, response);
        if (route == null) {
            return;
        }
        if (publisher == null || !"events".equals(route.group(2)) || route.group(3) != null) {
            notFound(response);
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

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Allow", "GET, POST, OPTIONS");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The matched route, or null after answering 404 or 403. */
    private Matcher route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Matcher route = ROUTE.matcher(path == null ? "" : path);
        if (!route.matches()) {
            notFound(response);
            return null;
        }
        if (!authenticator.allows(route.group(1), request)) {
            error(response, 403, "Unauthorized");
            return null;
        }
        return route;
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
