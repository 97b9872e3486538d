package io.echostack.echo.transport;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * engine.io 3's session cookie, {@code io=<sid>; Path=/; HttpOnly; SameSite=Strict} on the polling handshake, which
 * load balancers use to keep a polling client on one server (socket.io's docs: HAProxy's {@code cookie io prefix}).
 * engine.io-server 6.3.2 sets none; we add it to the handshake answer, reading the sid from the OPEN packet as
 * engine.io writes it. socket.io's {@code cookie} ({@code false}: none; a string: its name), {@code cookiePath}
 * ({@code false}: no Path and no HttpOnly) and {@code cookieHttpOnly} are honoured, as engine.io 3 reads them.
 */
public record SessionCookie(String name, String path, boolean httpOnly) {
    /** The sid in an OPEN packet ({@code "sid": "…"}), also inside a JSONP string ({@code \"sid\": \"…\"}). */
    private static final Pattern SID = Pattern.compile("\"sid\\\\?\":\\s*\\\\?\"([^\"\\\\]+)");
    private static final int OPEN_PACKET_PREFIX = 512;

    /** @return null when {@code socketio.cookie} is {@code false} */
    static SessionCookie from(JsonNode socketio) {
        JsonNode cookie = socketio == null ? null : socketio.get("cookie");
        if (cookie != null && cookie.isBoolean() && !cookie.booleanValue()) {
            return null;
        }
        JsonNode path = socketio == null ? null : socketio.get("cookiePath");
        JsonNode httpOnly = socketio == null ? null : socketio.get("cookieHttpOnly");
        boolean noPath = path != null && path.isBoolean() && !path.booleanValue();
        return new SessionCookie(cookie != null && cookie.isTextual() ? cookie.asText() : "io",
                noPath ? null : path != null && path.isTextual() ? path.asText() : "/",
                !noPath && (httpOnly == null || !httpOnly.isBoolean() || httpOnly.booleanValue()));
    }

    /** The Set-Cookie value for this session id, as Node's cookie module writes it. */
    String header(String sid) {
        return name + "=" + sid + (path == null ? "" : "; Path=" + path) + (httpOnly ? "; HttpOnly" : "")
                + "; SameSite=Strict";
    }

    /** The handshake's response, which adds the cookie just before engine.io writes the OPEN packet into it. */
    HttpServletResponse onHandshake(HttpServletResponse response) {
        return new HttpServletResponseWrapper(response) {
            private ServletOutputStream out;

            @Override
            public ServletOutputStream getOutputStream() throws IOException {
                if (out == null) {
                    out = new CookieBeforeFirstWrite(this, super.getOutputStream());
                }
                return out;
            }
        };
    }

    private final class CookieBeforeFirstWrite extends ServletOutputStream {
        private final HttpServletResponse response;
        private final ServletOutputStream body;
        private boolean written;

        CookieBeforeFirstWrite(HttpServletResponse response, ServletOutputStream body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!written) {
                written = true;
                String start = new String(bytes, offset, Math.min(length, OPEN_PACKET_PREFIX), StandardCharsets.UTF_8);
                Matcher sid = SID.matcher(start);
                if (sid.find()) {
                    response.addHeader("Set-Cookie", header(sid.group(1)));
                }
            }
            body.write(bytes, offset, length);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            body.flush();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            body.setWriteListener(listener);
        }
    }
}
