package io.echostack.worker.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Laravel's worker on SIGTERM/SIGINT: finish the jobs in hand, then exit 0. The JVM's own handling would run the
 * shutdown hooks and exit 143/130, so while {@code queue:work} runs it takes the signals over and only asks the
 * worker to stop; the command then returns normally with the worker's exit status. Closing restores the handlers.
 */
final class StopSignals implements AutoCloseable {
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, received -> stop.run()));
        }
    }

    static StopSignals onStop(Runnable stop) {
        return new StopSignals(stop);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
