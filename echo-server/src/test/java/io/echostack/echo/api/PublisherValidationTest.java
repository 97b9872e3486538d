package io.echostack.echo.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Publisher bodies at the edges of laravel-echo-server's {@code handleData}: what it takes (an empty
 * {@code channels}, number and boolean names) and what its {@code JSON.parse} refuses (trailing tokens).
 */
class PublisherValidationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass(
            "\"clients\": [{\"appId\": \"app1\", \"key\": \"key1\"}],");

    @Test
    void anEmptyChannelsArrayIsANoOp() throws Exception {
        HttpResponse<String> response = publish("{\"name\":\"e\",\"data\":{\"n\":1},\"channels\":[]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"ok\"}");
        assertThat(publish("{\"data\":{\"n\":1},\"channels\":[]}").statusCode()).isEqualTo(400);
    }

    @Test
    void numberAndBooleanNamesAreEmittedAsText() throws Exception {
        try (EchoClient client = EchoClient.builder(EchoGeneration.ECHO_2, echo.url()).channel("42").channel("true")
                .event(".7").transports(Transports.WEBSOCKET).start()) {
            client.awaitSocketId(WAIT);
            echo.awaitSubscribers("42", 1);
            echo.awaitSubscribers("true", 1);

            assertThat(publish("{\"name\":7,\"data\":{\"n\":1},\"channels\":[42,true]}").statusCode()).isEqualTo(200);
            assertThat(publish("{\"name\":7.0,\"data\":{\"n\":2},\"channel\":42}").statusCode()).isEqualTo(200);

            client.awaitEvent("true", ".7", WAIT);
            client.await(line -> "42".equals(line.path("channel").asText())
                    && line.path("data").path("n").asInt() == 2, WAIT);
        }
    }

    @Test
    void trailingTokensAndNonNameChannelsAre400() throws Exception {
        for (String body : new String[] {"{\"name\":\"e\",\"data\":{},\"channel\":\"c\"} trailing",
                "{\"name\":\"e\",\"data\":{},\"channel\":\"c\"}{}"}) {
            HttpResponse<String> response = publish(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).isEqualTo("{\"error\":\"Invalid JSON body\"}");
        }
        for (String channels : new String[] {"[null]", "[{}]", "[\"\"]", "[[\"c\"]]"}) {
            assertThat(publish("{\"name\":\"e\",\"data\":{},\"channels\":" + channels + "}").statusCode())
                    .as(channels).isEqualTo(400);
        }
    }

    private static HttpResponse<String> publish(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + "/apps/app1/events?auth_key=key1"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
