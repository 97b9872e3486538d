package io.echostack.echo.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP {@code POST /broadcasting/auth} answering as the Laravel 8 app of {@code laravel-8/auth-responses.txt}
 * does (status, content type and body taken from that capture): the user is {@code Authorization: Bearer user-<n>} or
 * the cookie {@code harness_user=<n>}; {@code private-App.Models.User.<n>} is granted to user n ({@code true});
 * {@code presence-chat.*} to users 1–10 with {@code channel_data} (the captured answer for user 1, user swapped); everything else is the captured 403. For edge cases:
 * {@code presence-pusher.*} answers Pusher-style ({@code channel_data} as a JSON string), {@code private-created.*}
 * answers 201, {@code presence-no-data.*} answers {@code true}, {@code private-slow.*} never answers in time.
 * Every request is recorded.
 */
public final class LaravelAuthEndpoint implements AutoCloseable {
    private static final Pattern SECTION = Pattern.compile(
            "### (.+?)\\n\\$ .+?\\nHTTP/1.1 (\\d+) [^\\n]*\\n(.*?)\\n\\n(.*?)\\n\\n\\n", Pattern.DOTALL);

    /** One request as received. */
    public record Request(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private record Capture(int status, String contentType, String body) {
    }

    private final Map<String, Capture> captures = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public LaravelAuthEndpoint() throws IOException {
        loadCaptures();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsFor(String channel) {
        String body = "channel_name=" + URLEncoder.encode(channel, StandardCharsets.UTF_8);
        return requests.stream().filter(r -> r.body().equals(body)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        requests.add(new Request(exchange.getRequestURI().getPath(), headers, body));
        String channel = body.startsWith("channel_name=")
                ? URLDecoder.decode(body.substring("channel_name=".length()), StandardCharsets.UTF_8) : "";
        Integer user = user(exchange);
        if (channel.startsWith("private-slow.")) {
            sleepQuietly();
        }
        Capture answer = answer(channel, user);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Capture answer(String channel, Integer user) {
        Capture forbidden = captures.get("private, wrong user");
        if (user == null) {
            return forbidden;
        }
        if (channel.equals("private-App.Models.User." + user)) {
            return captures.get("private, right user");
        }
        if (channel.startsWith("presence-chat.") && user <= 10) {
            return presence(user);
        }
        if (channel.startsWith("presence-pusher.")) {
            String data = "{\"user_id\":" + user + ",\"user_info\":{\"id\":" + user + ",\"name\":\"User " + user + "\"}}";
            return new Capture(200, "application/json", "{\"auth\":\"key:signature\",\"channel_data\":"
                    + quote(data) + "}");
        }
        if (channel.startsWith("private-created.")) {
            return new Capture(201, "application/json", "true");
        }
        if (channel.startsWith("presence-no-data.")) {
            return captures.get("private, right user");
        }
        return forbidden;
    }

    /** The captured user-1 presence answer with the user swapped, byte for byte otherwise. */
    private Capture presence(int user) {
        Capture one = captures.get("presence, user 1");
        return new Capture(one.status(), one.contentType(), one.body()
                .replace("\"user_id\":1", "\"user_id\":" + user)
                .replace("\"id\":1", "\"id\":" + user)
                .replace("User 1", "User " + user));
    }

    private static Integer user(HttpExchange exchange) {
        Matcher bearer = Pattern.compile("Bearer user-(\\d+)")
                .matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (bearer.find()) {
            return Integer.valueOf(bearer.group(1));
        }
        Matcher cookie = Pattern.compile("harness_user=(\\d+)")
                .matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
        return cookie.find() ? Integer.valueOf(cookie.group(1)) : null;
    }

    private void loadCaptures() throws IOException {
        try (InputStream in = LaravelAuthEndpoint.class.getResourceAsStream("/laravel-8/auth-responses.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher section = SECTION.matcher(text);
            while (section.find()) {
                Matcher type = Pattern.compile("Content-Type: ([^\\n]+)").matcher(section.group(3));
                captures.put(section.group(1).trim(), new Capture(Integer.parseInt(section.group(2)),
                        type.find() ? type.group(1).trim() : "text/html", section.group(4)));
            }
        }
        for (String needed : List.of("private, right user", "private, wrong user", "presence, user 1")) {
            if (!captures.containsKey(needed)) {
                throw new IllegalStateException("auth-responses.txt has no section '" + needed + "'");
            }
        }
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
