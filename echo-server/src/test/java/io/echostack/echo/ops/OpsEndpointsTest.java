package io.echostack.echo.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.LaravelAuthEndpoint;
import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /metrics and /health of a running server with a real client, a real auth endpoint and the real Redis. */
class OpsEndpointsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsCountConnectionsSubscriptionsMessagesAndAuth() throws Exception {
        try (LaravelAuthEndpoint laravel = new LaravelAuthEndpoint();
             RunningEchoServer echo = new RunningEchoServer("\"authHost\": \"" + laravel.url() + "\",");
             EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, echo.url()).channel("metrics_room")
                     .channel("private-App.Models.User.1").channel("private-App.Models.User.2")
                     .authHeader("Authorization", "Bearer user-1").transports(Transports.WEBSOCKET).start()) {
            client.awaitType("subscription_error", WAIT);
            echo.awaitSubscribers("private-App.Models.User.1", 1);
            echo.publish("laravel_database_metrics_room", "{\"event\":\"backend_poster\",\"data\":{},\"socket\":null}");
            client.awaitEvent("metrics_room", ".backend_poster", WAIT);

            String metrics = get(echo.url() + "/metrics").body();
            assertThat(metrics).contains("echo_connections 1.0").contains("echo_subscriptions 2.0")
                    .contains("echo_messages_in_total 1.0").contains("echo_messages_out_total 1.0")
                    .contains("echo_auth_requests_seconds_count{outcome=\"granted\",} 1.0")
                    .contains("echo_auth_requests_seconds_count{outcome=\"refused\",} 1.0");

            HttpResponse<String> health = get(echo.url() + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"redis\":\"connected\",\"connections\":1}");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
