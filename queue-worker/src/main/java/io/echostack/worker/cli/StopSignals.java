package io.echostack.worker.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Laravel's worker on SIGTERM/SIGINT: finish the jobs in hand, then exit 0. The JVM's own handling would run the
 * shutdown hooks and exit 143/130. {@code queue:work} takes the signals over in {@code main}, before Quarkus starts
 * (Flyway, Redis), so a signal during start-up is remembered and the worker then takes no job and exits 0; once the
 * worker runs, a signal only asks it to stop.
 */
final class StopSignals {
    private static final AtomicBoolean RECEIVED = new AtomicBoolean();
    private static volatile Runnable stop = () -> { };

    private StopSignals() {
    }

    /** Takes SIGTERM and SIGINT over for the rest of the process. */
    static void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), received -> {
                RECEIVED.set(true);
                stop.run();
            });
        }
    }

    /** From now on a signal runs {@code action}; at once if one came earlier. */
    static void onStop(Runnable action) {
        stop = action;
        if (RECEIVED.get()) {
            action.run();
        }
    }

    /** A signal came (since {@link #install}). */
    static boolean received() {
        return RECEIVED.get();
    }
}
