package io.echostack.echo.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the API's routes match and answer on the wire, as Express did for laravel-echo-server. */
class ApiRoutingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass(
            "\"clients\": [{\"appId\": \"app1\", \"key\": \"key1\"}],");

    @Test
    void optionsListsTheRoutesMethodsWithoutAKey() throws Exception {
        for (String path : new String[] {"/apps/app1/status", "/apps/app1/channels", "/apps/app1/channels/c",
                "/apps/app1/channels/presence-c/users/", "/apps/app1/events"}) {
            HttpResponse<String> response = send("OPTIONS", path);
            String methods = path.endsWith("events") ? "POST" : "GET,HEAD";
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Allow")).as(path).hasValue(methods);
            assertThat(response.body()).as(path).isEqualTo(methods);
        }
    }

    @Test
    void pathsThatAreNoRouteAre404ForEveryMethod() throws Exception {
        for (String path : new String[] {"/nope", "/apps/app1/nope", "/apps/app1/status/extra"}) {
            assertThat(send("OPTIONS", path).statusCode()).as(path).isEqualTo(404);
            assertThat(send("GET", path + "?auth_key=key1").statusCode()).as(path).isEqualTo(404);
        }
        assertThat(send("GET", "/apps/app1/events?auth_key=key1").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/apps/app1/status?auth_key=key1").statusCode()).isEqualTo(404);
    }

    @Test
    void literalPartsMatchInAnyCaseTheParametersKeepTheirs() throws Exception {
        HttpResponse<String> status = send("GET", "/APPS/app1/STATUS?auth_key=key1");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/Apps/app1/Channels/Room?auth_key=key1").body())
                .isEqualTo("{\"subscription_count\":0,\"occupied\":false}");
        assertThat(send("GET", "/apps/APP1/status?auth_key=key1").statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(echo.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
