package io.echostack.worker.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * Laravel's worker on SIGTERM/SIGINT: finish the jobs in hand, then exit 0. The JVM's own handling would run the
 * shutdown hooks and exit 143/130. {@code queue:work} takes the signals over in {@code main}, before Quarkus starts
 * (Flyway, Redis), so a signal during start-up is remembered and the worker then takes no job and exits 0; once the
 * worker runs, a signal only asks it to stop. Also Laravel's SIGUSR2 (pause: take no job) and SIGCONT (resume), which
 * Horizon-style tools send: left to the JVM, SIGUSR2 crashed it (SIGSEGV in HotSpot's SR_handler, exit 134).
 */
final class StopSignals {
    private static final AtomicBoolean RECEIVED = new AtomicBoolean();
    private static volatile Runnable stop = () -> { };
    private static final AtomicBoolean PAUSED = new AtomicBoolean();
    private static volatile Consumer<Boolean> pause = paused -> { };

    private StopSignals() {
    }

    /** Takes SIGTERM, SIGINT, SIGUSR2 and SIGCONT over for the rest of the process. */
    static void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), received -> {
                RECEIVED.set(true);
                stop.run();
            });
        }
        Signal.handle(new Signal("USR2"), received -> {
            PAUSED.set(true);
            pause.accept(true);
        });
        Signal.handle(new Signal("CONT"), received -> {
            PAUSED.set(false);
            pause.accept(false);
        });
    }

    /** From now on SIGUSR2 / SIGCONT run {@code action} with true / false; at once if paused earlier. */
    static void onPause(Consumer<Boolean> action) {
        pause = action;
        if (PAUSED.get()) {
            action.accept(true);
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
