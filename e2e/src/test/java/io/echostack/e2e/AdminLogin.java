package io.echostack.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Logs in as the admin the stack seeds and returns the bearer token api-service's {@code /api/**} requires. */
final class AdminLogin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AdminLogin() {
    }

    static String token(String apiUrl) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", EchoStack.ADMIN_EMAIL, "password", EchoStack.ADMIN_PASSWORD));
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin login failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("token").asText();
    }
}
