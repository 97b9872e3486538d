package io.echostack.echo.presence;

import io.echostack.echo.channel.Broadcaster;
import io.echostack.echo.config.EchoServerConfig;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.events.presence.PresenceMembers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The presence side of one echo-server instance: the {@link MemberStore} that {@code "database"} names and the
 * {@link PresenceChannels} on it. At start it removes the members a previous run of this instance left behind (the
 * reference kept them forever); at stop it removes its own, within a time bound.
 */
public final class Presence {
    private final MemberStore store;
    private final PresenceChannels channels;
    private final ConsoleLog console;

    private Presence(MemberStore store, Broadcaster broadcaster, ConsoleLog console) {
        this.store = store;
        this.channels = new PresenceChannels(store, broadcaster, console);
        this.console = console;
    }

    /**
     * Opens the configured store ({@code "redis"} or {@code "sqlite"}, checked by the config loader).
     *
     * @param instanceId names this instance's members (see {@code presenceInstanceId})
     */
    public static Presence open(EchoServerConfig config, String instanceId, Broadcaster broadcaster,
                                ConsoleLog console) throws Exception {
        if (EchoServerConfig.SQLITE.equals(config.database())) {
            if (config.publishPresence()) {
                console.warning("databaseConfig.publishPresence is not supported with \"database\": \"sqlite\""
                        + " (as in laravel-echo-server); nothing is published.");
            }
            SqliteMemberStore store = SqliteMemberStore.open(config.sqliteFile(), instanceId);
            console.info("Presence members are kept in SQLite: " + config.sqliteFile());
            return new Presence(store, broadcaster, console);
        }
        return new Presence(new RedisMemberStore(config.redis(), instanceId, config.publishPresence()), broadcaster,
                console);
    }

    public PresenceChannels channels() {
        return channels;
    }

    /** The channel's members as stored (the HTTP API reads these). */
    public PresenceMembers members(String channel) {
        return store.members(channel);
    }

    /** Removes this instance's members left over from a run that ended without leaving. */
    public void purgeStale() {
        int removed = purgeOwn();
        if (removed > 0) {
            console.info("Removed " + removed + " stale presence member(s) of a previous run.");
        }
    }

    private int purgeOwn() {
        List<String> entries = store.ownMembers();
        return entries.isEmpty() ? 0 : channels.purge(entries);
    }

    /**
     * Lets queued updates finish, then leaves every presence channel this instance's sockets are in, all within
     * {@code budget}: when the store does not answer in time (Redis is down), the members are left for the next
     * start to purge, and this is said.
     */
    public void close(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        ExecutorService purger = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "presence-purge");
            thread.setDaemon(true);
            return thread;
        });
        try {
            boolean drained = channels.close(budget);
            Future<Integer> purge = purger.submit(this::purgeOwn);
            purge.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!drained) {
                console.warning("Presence updates still waiting for the store were dropped at shutdown.");
            }
        } catch (TimeoutException e) {
            console.warning("Redis did not answer in time: this server's presence members were left for its next"
                    + " start to remove (waited " + budget.toMillis() + " ms).");
        } catch (ExecutionException e) {
            console.warning("Could not remove this server's presence members: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            purger.shutdownNow();
            store.close();
        }
    }
}
