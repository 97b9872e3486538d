package io.echostack.echo.transport;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /socket.io/*} polling GET/POST to engine.io (websocket upgrades are taken before this servlet, by
 * {@link EngineIoNegotiator}).
 * Works around engine.io-server 6.3.2's gaps without patching it:
 * <ul>
 *   <li>polling POSTs over {@link #MAX_POLLING_BODY} or without a Content-Length are rejected before engine.io
 *       allocates a buffer of the declared size;</li>
 *   <li>OPTIONS (CORS preflight) is answered here; engine.io returns 400/500 for it;</li>
 *   <li>a polling handshake from a page {@code socketio.origins} does not allow is refused (403), as socket.io 2
 *       does; an allowed one gets engine.io 3's session cookie ({@link SessionCookie});</li>
 *   <li>the polling→websocket upgrade race (engine.io answering a poll that was already answered) surfaces as an
 *       exception on an already completed response: it is logged and swallowed, since the client got its answer;</li>
 *   <li>a handshake's answer is held until engine.io registered the session ({@link HeldHandshakeAnswer}), and
 *       engine.io 4 answers say {@code Cache-Control: no-store}, as Node's engine.io 4+ polling answers do;</li>
 *   <li>engine.io's error answers are written as Node's engine.io writes them ({@link CompactErrorJson}), and a
 *       POST it cannot decode is a 400 "Bad request", not a 500.</li>
 * </ul>
 */
final class EngineIoServlet extends HttpServlet {
    static final long MAX_POLLING_BODY = 1024 * 1024;
    private static final Pattern EIO4 = Pattern.compile("(?:^|&)EIO=4(?:&|$)");
    private static final Logger LOG = LoggerFactory.getLogger(EngineIoServlet.class);

    private final EngineIoServer engineIo;
    private final AllowedOrigins origins;
    private final SessionCookie cookie;

    /** @param cookie the handshake's session cookie, or null for none */
    EngineIoServlet(EngineIoServer engineIo, AllowedOrigins origins, SessionCookie cookie) {
        this.engineIo = engineIo;
        this.origins = origins;
        this.cookie = cookie;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean eio4 = isEio4(request);
        notCached(eio4, response);
        if (request.getParameter("sid") != null) {
            handle(request, response);
        } else if (!origins.allows(request.getHeader("Origin"), request.getHeader("Referer"))) {
            // engine.io 3's answer to a handshake its allowRequest (socket.io's origins check) refused.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":4,\"message\":\"Forbidden\"}");
        } else {
            HeldHandshakeAnswer answer = new HeldHandshakeAnswer(cookie == null ? response
                    : cookie.onHandshake(response), eio4);
            try {
                handle(request, answer);
            } finally {
                answer.release();
            }
        }
    }

    /** The engine.io protocol of the request, from the query (a POST's form body must stay unread for engine.io). */
    private static boolean isEio4(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && EIO4.matcher(query).find();
    }

    /** Node's engine.io 4+ marks every polling answer {@code no-store}; engine.io 3 (laravel-echo-server) did not. */
    private static void notCached(boolean eio4, HttpServletResponse response) {
        if (eio4) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notCached(isEio4(request), response);
        long length = request.getContentLengthLong();
        if (length < 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Content-Length required");
            return;
        }
        if (length > MAX_POLLING_BODY) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "payload over " + MAX_POLLING_BODY + " bytes");
            return;
        }
        handle(request, response);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            String requested = request.getHeader("Access-Control-Request-Headers");
            if (requested != null) {
                response.setHeader("Access-Control-Allow-Headers", requested);
            }
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void answerNoop(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
        }
        response.setContentType("text/plain; charset=UTF-8");
        // EIO=4 payloads are bare packets; EIO=3 frames each packet as <length>:<packet>.
        response.getWriter().write(isEio4(request) ? "6" : "1:6");
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            engineIo.handleRequest(request, new CompactErrorJson(response));
        } catch (RuntimeException e) {
            if (request.isAsyncStarted() || response.isCommitted()) {
                // engine.io's upgrade race: the poll was already answered (NOOP) by the websocket probe.
                LOG.debug("ignored engine.io failure on an answered poll: {}", e.toString());
            } else if ("GET".equals(request.getMethod())) {
                // Same race, this poll unanswered: a NOOP makes the client poll again instead of dropping the session.
                LOG.debug("answered a poll with NOOP after engine.io failed: {}", e.toString());
                answerNoop(request, response);
            } else {
                // A body engine.io cannot decode ("9", "", …): the client's fault, not a server error. Node's engine.io
                // closes the session; engine.io-server keeps it, and the client drops its transport on this 400.
                LOG.debug("engine.io could not decode a POST: {}", e.toString());
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("application/json");
                response.getWriter().write("{\"code\":3,\"message\":\"Bad request\"}");
            }
        }
    }
}
