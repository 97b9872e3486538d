package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.events.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketIoSettingsTest {
    @Test
    void defaultsAreSocketIo2s() {
        SocketIoSettings settings = SocketIoSettings.defaults();

        assertThat(settings.path()).isEqualTo("/socket.io");
        assertThat(settings.serveClient()).isTrue();
        assertThat(settings.origins().allows("http://any.test", null)).isTrue();
        assertThat(settings.heartbeat()).isEqualTo(new HeartbeatSettings(25_000, 60_000));
    }

    @Test
    void aPathLosesItsTrailingSlashAndGainsALeadingOne() throws Exception {
        assertThat(SocketIoSettings.from(Json.mapper().readTree("{\"path\": \"/ws/\"}")).path()).isEqualTo("/ws");
        assertThat(SocketIoSettings.from(Json.mapper().readTree("{\"path\": \"ws\"}")).path()).isEqualTo("/ws");
    }

    @Test
    void serveClientFalseServesNoScript() throws Exception {
        SocketIoHttpServer server = new SocketIoHttpServer("127.0.0.1", 0,
                SocketIoSettings.from(Json.mapper().readTree("{\"serveClient\": false}")), Set.of(), null);
        server.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/socket.io/socket.io.js")).build(),
                    HttpResponse.BodyHandlers.ofString());

            // engine.io takes the request instead (and answers it as a poll).
            assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotContain("javascript");
            assertThat(response.body()).doesNotContain("Socket.IO");
        } finally {
            server.stop();
        }
    }
}
