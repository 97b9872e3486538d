package io.echostack.echo.auth;

import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;

/**
 * Says in one line why an auth request failed and where it went, e.g. {@code ConnectException: cannot connect to
 * 127.0.0.1:80 (ClosedChannelException) - POST http://127.0.0.1/broadcasting/auth}, as the reference's {@code connect
 * ECONNREFUSED 127.0.0.1:80} does: the JDK's HTTP client leaves most of its connect failures without a message.
 */
final class AuthRequestFailure {
    private AuthRequestFailure() {
    }

    static String describe(Throwable error, String url) {
        Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder line = new StringBuilder(failure.getClass().getSimpleName()).append(": ")
                .append(failure.getMessage() != null ? failure.getMessage() : fallbackMessage(failure, root, url));
        if (root != failure) {
            line.append(" (").append(root.getClass().getSimpleName())
                    .append(root.getMessage() == null ? "" : ": " + root.getMessage()).append(')');
        }
        return line.append(" - POST ").append(url).toString();
    }

    private static String fallbackMessage(Throwable failure, Throwable root, String url) {
        if (root instanceof UnresolvedAddressException) {
            return "cannot resolve " + hostPort(url);
        }
        return failure instanceof ConnectException ? "cannot connect to " + hostPort(url) : "no message";
    }

    /** {@code host:port} of the URL, the port defaulted by scheme; the URL itself when it cannot be parsed. */
    private static String hostPort(String url) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost() == null ? url : uri.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
