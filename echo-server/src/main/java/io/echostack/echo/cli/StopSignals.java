package io.echostack.echo.cli;

import java.util.List;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT and SIGHUP as requests to stop, after which laravel-echo-server exits 0. Left to the JVM, they end
 * the process with 143/130/129 once the shutdown hooks ran: systemd marks the unit failed, supervisord restarts it.
 * So the handler only passes the request on, and the caller stops gracefully and returns 0. (Rather than
 * {@code Runtime.halt(0)} at the end of a shutdown hook, which would turn every other exit into 0 as well, errors
 * included, and cut other shutdown hooks short.)
 */
final class StopSignals {
    private StopSignals() {
    }

    static void onStopRequest(Runnable request) {
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> request.run());
            } catch (IllegalArgumentException e) {
                // The JVM runs with -Xrs: the signal keeps the operating system's default action.
            }
        }
    }
}
