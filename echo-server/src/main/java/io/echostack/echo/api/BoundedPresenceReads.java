package io.echostack.echo.api;

import io.echostack.echo.presence.Presence;
import io.echostack.events.presence.PresenceMembers;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP API's reads of the presence store, each given {@link #TIMEOUT}: while Redis is down Lettuce holds a
 * command until its own 60 s timeout, and an API caller should rather get a quick 503. Reads run on a few threads
 * of their own (the store's calls block); a timed-out read is interrupted, which cancels its Lettuce command.
 */
final class BoundedPresenceReads implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int THREADS = 4;
    private static final int QUEUED = 64;

    private final Presence presence;
    private final ThreadPoolExecutor readers;

    BoundedPresenceReads(Presence presence) {
        this.presence = presence;
        this.readers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED), task -> {
                    Thread thread = new Thread(task, "api-presence-read");
                    thread.setDaemon(true);
                    return thread;
                });
        readers.allowCoreThreadTimeOut(true);
    }

    /** The store did not answer within the bound, failed, or has too many reads waiting already. */
    static final class Unavailable extends Exception {
        Unavailable(Throwable cause) {
            super("Presence store unavailable", cause);
        }
    }

    PresenceMembers members(String channel) throws Unavailable {
        Future<PresenceMembers> read;
        try {
            read = readers.submit(() -> presence.members(channel));
        } catch (RejectedExecutionException e) {
            throw new Unavailable(e);
        }
        try {
            return read.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            read.cancel(true);
            throw new Unavailable(e);
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unavailable(e);
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
