package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.events.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * engine.io 3's session cookie on the polling handshake, as laravel-echo-server sends it (load balancers keep a polling
 * client on one server by it), and socket.io's options for it.
 */
class SessionCookieTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @Test
    void theHandshakeSetsIoToTheSessionIdForBothProtocolsAndJsonp() throws Exception {
        for (String query : new String[] {"EIO=3&transport=polling", "EIO=4&transport=polling",
                "EIO=3&transport=polling&j=0"}) {
            HttpResponse<String> handshake = get(echo, "/socket.io/?" + query);

            assertThat(handshake.headers().allValues("Set-Cookie")).as(query)
                    .containsExactly("io=" + sid(handshake.body()) + "; Path=/; HttpOnly; SameSite=Strict");
        }
    }

    @Test
    void laterPollsAndOtherRequestsSetNoCookie() throws Exception {
        String sid = sid(get(echo, "/socket.io/?EIO=4&transport=polling").body());

        assertThat(get(echo, "/socket.io/?EIO=4&transport=polling&sid=" + sid).headers().allValues("Set-Cookie"))
                .isEmpty();
        assertThat(get(echo, "/").headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theCookieOptionsAreHonoured() throws Exception {
        try (RunningEchoServer named = new RunningEchoServer(
                "\"socketio\": {\"cookie\": \"srv\", \"cookiePath\": \"/rt\", \"cookieHttpOnly\": false},");
             RunningEchoServer pathless = new RunningEchoServer("\"socketio\": {\"cookiePath\": false},");
             RunningEchoServer none = new RunningEchoServer("\"socketio\": {\"cookie\": false},")) {
            HttpResponse<String> handshake = get(named, "/socket.io/?EIO=4&transport=polling");
            assertThat(handshake.headers().allValues("Set-Cookie"))
                    .containsExactly("srv=" + sid(handshake.body()) + "; Path=/rt; SameSite=Strict");

            handshake = get(pathless, "/socket.io/?EIO=4&transport=polling");
            assertThat(handshake.headers().allValues("Set-Cookie"))
                    .containsExactly("io=" + sid(handshake.body()) + "; SameSite=Strict");

            assertThat(get(none, "/socket.io/?EIO=4&transport=polling").headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    /** The sid of a handshake's OPEN packet, also inside a JSONP answer. */
    private static String sid(String body) throws Exception {
        String open = body.replace("\\\"", "\"");
        open = open.substring(open.indexOf("{\"sid\""));
        return Json.mapper().readTree(open.substring(0, open.indexOf('}') + 1)).get("sid").asText();
    }

    private static HttpResponse<String> get(RunningEchoServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
