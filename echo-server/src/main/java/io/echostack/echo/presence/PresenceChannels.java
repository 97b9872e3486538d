package io.echostack.echo.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.channel.Broadcaster;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.events.presence.PresenceStore;
import io.socket.socketio.server.SocketIoSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence channels as laravel-echo-server runs them: on join the joiner gets {@code presence:subscribed (channel,
 * members)} (one entry per user, newest first) and, on a user's first socket, the others get {@code presence:joining
 * (channel, member)}; on a user's last socket leaving, the room gets {@code presence:leaving (channel, {user_id,
 * user_info})}. Updates run on one thread in arrival order (a socket's join before its leave) and are atomic in the
 * {@link MemberStore}. A join also removes the members nobody will remove (see {@link MemberStore#join}), announcing
 * their users' {@code presence:leaving} to whoever still lists them.
 * A leave without a member, or a join finishing after the socket went away, is handled instead of crashing.
 */
public final class PresenceChannels {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceChannels.class);

    private final MemberStore store;
    private final Broadcaster broadcaster;
    private final ConsoleLog console;
    private final OwnMembers own = new OwnMembers();
    private final ExecutorService updates = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "presence-updates");
        thread.setDaemon(true);
        return thread;
    });

    public PresenceChannels(MemberStore store, Broadcaster broadcaster, ConsoleLog console) {
        this.store = store;
        this.broadcaster = broadcaster;
        this.console = console;
    }

    public void join(SocketIoSocket socket, String channel, ObjectNode channelData) {
        submit("join", channel, () -> {
            String socketId = socket.getId();
            PresenceStore.Joined joined = store.join(channel, socketId, channelData, own.gone(channel));
            own.left(channel, joined.dropped().stream().map(entry -> entry.path("socketId").asText()).toList());
            own.joined(channel, socket);
            String user = PresenceMembers.userKey(channelData);
            boolean userChanged = joined.replaced() != null
                    && !Objects.equals(user, PresenceMembers.userKey(joined.replaced()));
            List<ObjectNode> gone = new ArrayList<>(joined.dropped());
            if (userChanged) {
                gone.add(joined.replaced());
            }
            announceLeaving(channel, gone, joined.members(), socketId);
            if (!socket.isConnected()) {
                // Gone while we joined: its leave may have run before the join, so undo it here.
                leaveNow(socketId, channel);
                return;
            }
            broadcaster.emitTo(socketId, "presence:subscribed", channel, joined.members().subscribedPayload());
            // A socket subscribing twice (Echo re-subscribing while a buffered subscribe arrives) was already there.
            boolean sameSocketAgain = joined.replaced() != null && !userChanged;
            if (!sameSocketAgain && !joined.members().hasUser(user, socketId)) {
                ObjectNode member = channelData.deepCopy();
                member.put("socketId", socketId);
                broadcaster.emit("presence:joining", channel, member, socketId);
            }
        });
    }

    /** Leaving a presence channel the socket never joined, or twice, is harmless. */
    public void leave(String socketId, String channel) {
        submit("leave", channel, () -> leaveNow(socketId, channel));
    }

    /** After {@link #close()} (shutdown) sockets still disconnect; their members are purged by the closer instead. */
    private void submit(String what, String channel, Runnable update) {
        if (!updates.isShutdown()) {
            try {
                updates.execute(() -> guarded(what, channel, update));
            } catch (RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    /**
     * Removes every member this instance wrote and did not remove (a previous run that crashed, or this run shutting
     * down): {@code "<socketId> <channel>"} entries of the registry set.
     *
     * @return how many members were removed
     */
    public int purge(List<String> registryEntries) {
        Map<String, List<String>> socketsByChannel = registryEntries.stream()
                .filter(entry -> entry.indexOf(' ') > 0)
                .collect(Collectors.groupingBy(entry -> entry.substring(entry.indexOf(' ') + 1),
                        Collectors.mapping(entry -> entry.substring(0, entry.indexOf(' ')), Collectors.toList())));
        int removed = 0;
        for (Map.Entry<String, List<String>> channel : socketsByChannel.entrySet()) {
            PresenceStore.Left left = store.leave(channel.getKey(), channel.getValue());
            removed += left.removed().size();
        }
        return removed;
    }

    private void leaveNow(String socketId, String channel) {
        PresenceStore.Left left = store.leave(channel, List.of(socketId));
        own.left(channel, List.of(socketId));
        if (left.removed().isEmpty()) {
            console.dev(socketId + " left " + channel + " without being a member");
            return;
        }
        announceLeaving(channel, left.removed(), left.members(), socketId);
    }

    /** {@code presence:leaving} for each removed entry whose user has no entry left. */
    private void announceLeaving(String channel, List<ObjectNode> removed, PresenceMembers members,
                                 String exceptSocketId) {
        for (ObjectNode entry : removed) {
            if (!members.hasUser(PresenceMembers.userKey(entry), null)) {
                ObjectNode member = entry.deepCopy();
                member.remove("socketId");
                broadcaster.emit("presence:leaving", channel, member, exceptSocketId);
            }
        }
    }

    private void guarded(String what, String channel, Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            LOG.warn("presence {} on {} failed", what, channel, e);
            console.error("Presence " + what + " on " + channel + " failed: " + e.getMessage());
        }
    }

    /**
     * Waits up to {@code budget} for queued updates (e.g. the leaves of a shutdown) to finish, then interrupts the
     * one still waiting on the store (a store that does not answer must not hold up a shutdown).
     *
     * @return whether every queued update finished
     */
    public boolean close(Duration budget) {
        updates.shutdown();
        try {
            if (updates.awaitTermination(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        updates.shutdownNow();
        return false;
    }
}
