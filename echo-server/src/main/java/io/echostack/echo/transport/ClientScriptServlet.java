package io.echostack.echo.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * socket.io-client's browser build at {@code <path>/socket.io.js} and its source map at {@code .js.map}, served as
 * socket.io 2.5's {@code serveClient} does for laravel-echo-server, whose README has pages load
 * {@code <script src="//host:6001/socket.io/socket.io.js">}: the same file (socket.io-client 2.5.0, put into the jar by
 * the build from npm, see {@code src/main/client}), ETag {@code "<client version>"}, 304 when the browser has it.
 */
final class ClientScriptServlet extends HttpServlet {
    static final String SCRIPT = "/socket.io.js";
    static final String SOURCE_MAP = "/socket.io.js.map";
    private static final String RESOURCES = "client/";

    private final byte[] script = resource("dist/socket.io.js");
    private final byte[] sourceMap = resource("dist/socket.io.js.map");
    private final String etag = "\"" + version() + "\"";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        boolean map = request.getServletPath().endsWith(SOURCE_MAP);
        if (!map) {
            response.setHeader("Cache-Control", "public, max-age=0");
        }
        response.setContentType(map ? "application/json" : "application/javascript");
        response.setHeader("ETag", etag);
        byte[] body = map ? sourceMap : script;
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String version() {
        try {
            JsonNode packageJson = Json.mapper().readTree(resource("package.json"));
            return packageJson.path("version").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's socket.io-client package.json is unreadable", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ClientScriptServlet.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + RESOURCES + name + " (built from npm)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
