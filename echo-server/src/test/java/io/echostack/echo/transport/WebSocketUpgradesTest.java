package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through a real Jetty server and HTTP client: an upgraded websocket session keeps its URI without the query (Jetty
 * holds it for the connection's lifetime), the negotiator still gets the query, and other requests pass unchanged.
 */
class WebSocketUpgradesTest {
    private final CompletableFuture<String> negotiatedQuery = new CompletableFuture<>();
    private final CompletableFuture<CoreSession> openedSession = new CompletableFuture<>();
    private final CompletableFuture<String> nextHandlerQuery = new CompletableFuture<>();
    private Server jetty;
    private ServerConnector connector;

    @BeforeEach
    void start() throws Exception {
        jetty = new Server();
        connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        WebSocketUpgradeHandler upgrades = new WebSocketUpgradeHandler();
        upgrades.addMapping("/socket.io/*", (request, response, callback) -> {
            negotiatedQuery.complete(WebSocketUpgrades.query(request));
            return new OpenRecorder();
        });
        Handler next = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                nextHandlerQuery.complete(request.getHttpURI().getQuery());
                response.setStatus(204);
                callback.succeeded();
                return true;
            }
        };
        jetty.setHandler(new Handler.Sequence(new WebSocketUpgrades(upgrades), next));
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void theOpenSessionKeepsItsUriWithoutTheQueryWhichTheNegotiatorGets() throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/socket.io/?EIO=3&transport=websocket");
        WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        try {
            assertThat(negotiatedQuery.get(10, TimeUnit.SECONDS)).isEqualTo("EIO=3&transport=websocket");
            CoreSession session = openedSession.get(10, TimeUnit.SECONDS);
            assertThat(session.getRequestURI().getRawQuery()).isNull();
            assertThat(session.getRequestURI().getPath()).isEqualTo("/socket.io/");
            assertThat(session.getParameterMap()).isEmpty();
            assertThat(nextHandlerQuery).isNotDone();
        } finally {
            client.abort();
        }
    }

    @Test
    void otherRequestsReachTheNextHandlerWithTheirQuery() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/socket.io/?EIO=4&transport=polling");
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(nextHandlerQuery.get(10, TimeUnit.SECONDS)).isEqualTo("EIO=4&transport=polling");
        assertThat(negotiatedQuery).isNotDone();
    }

    private final class OpenRecorder implements FrameHandler {
        @Override
        public void onOpen(CoreSession session, Callback callback) {
            openedSession.complete(session);
            callback.succeeded();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            callback.succeeded();
        }
    }
}
