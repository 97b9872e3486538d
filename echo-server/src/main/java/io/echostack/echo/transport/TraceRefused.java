package io.echostack.echo.transport;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses TRACE (405) on every path: a servlet's default {@code doTrace} echoes the request back, Cookie and
 * Authorization headers included (laravel-echo-server's Express answers TRACE with 404).
 */
final class TraceRefused extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.TRACE.is(request.getMethod())) {
            return false;
        }
        Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        return true;
    }
}
