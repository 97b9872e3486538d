package io.echostack.echo.transport;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * Takes websocket upgrades (and only those: any other request is left to the handlers after this one, unchanged),
 * showing Jetty's handshake the request URI without its query. Jetty keeps the handshake's URI, and a map of its
 * query parameters, in every open websocket session (~0.6 KB per connection, jmap), while engine.io reads the query
 * once, at the upgrade: {@link EngineIoNegotiator} gets it from {@link #query}.
 */
final class WebSocketUpgrades extends Handler.Wrapper {
    private static final String QUERY = WebSocketUpgrades.class.getName() + ".query";

    WebSocketUpgrades(WebSocketUpgradeHandler upgrades) {
        super(upgrades);
        // Its default next handler answers 404: without it, a request not upgraded is left to the handlers after us.
        upgrades.setHandler((Handler) null);
    }

    /** The query of the upgrade request, as the client sent it (null if none). */
    static String query(ServerUpgradeRequest request) {
        return (String) request.getAttribute(QUERY);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        // Only HTTP/1.1 upgrades (the connectors speak nothing else): polls and API calls are passed on as they are.
        if (uri.getQuery() == null || !request.getHeaders().contains(HttpHeader.UPGRADE)) {
            return super.handle(request, response, callback);
        }
        HttpURI withoutQuery = HttpURI.build(uri).query(null).asImmutable();
        Request upgrade = new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return withoutQuery;
            }
        };
        upgrade.setAttribute(QUERY, uri.getQuery());
        return super.handle(upgrade, response, callback);
    }
}
