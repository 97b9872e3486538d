package io.echostack.testsupport.node;

import java.util.Locale;

/** socket.io-client transports: websocket only, long-polling only, or the default (polling, then upgrade). */
public enum Transports {
    WEBSOCKET, POLLING, DEFAULT;

    String argument() {
        return name().toLowerCase(Locale.ROOT);
    }
}
