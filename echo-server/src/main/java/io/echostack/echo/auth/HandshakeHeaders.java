package io.echostack.echo.auth;

import java.util.List;
import java.util.Map;

/** Reads the socket.io handshake's request headers, whose name case depends on the client and the transport. */
public final class HandshakeHeaders {
    private HandshakeHeaders() {
    }

    /** The first value of the header, case-insensitively, or null. */
    public static String first(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
