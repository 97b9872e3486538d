package io.echostack.echo.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.events.presence.PresenceStore;
import java.util.List;

/**
 * Where presence members are kept, in laravel-echo-server's format (one JSON array per channel under
 * {@code presence-<channel>:members}, one {@code {user_id, user_info, socketId}} entry per socket). Every update is
 * atomic. Each store also remembers the members this instance wrote ({@code "<socketId> <channel>"}), so a crash
 * leaves nothing behind for good, and tells the members of running instances from those nobody will remove.
 */
public interface MemberStore {

    /**
     * Adds the socket's member, replacing an earlier entry of the same socket, and drops the entries of
     * {@code goneSocketIds} (this instance's, gone without their leave reaching the store) and those no running
     * instance owns (left by laravel-echo-server, which keeps no registry).
     */
    PresenceStore.Joined join(String channel, String socketId, ObjectNode channelData, List<String> goneSocketIds);

    /** Removes the sockets' entries; a socket without one, or a channel without a list, changes nothing. */
    PresenceStore.Left leave(String channel, List<String> socketIds);

    /** The channel's members as stored (the HTTP API reads these). */
    PresenceMembers members(String channel);

    /** {@code "<socketId> <channel>"} of every member this instance wrote and has not removed. */
    List<String> ownMembers();

    /** Releases the connection without waiting on the server behind it. */
    void close();
}
