package io.echostack.events.presence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.script.LuaScript;
import io.echostack.events.script.ScriptExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * laravel-echo-server's presence member lists in Redis, updated atomically by {@code presence.lua}: no lost joins under
 * concurrency, no crash and no key created when a socket leaves without being a member. Every member this instance
 * writes is also recorded in its registry set, so {@link #leave} at the next start removes what a crash left behind,
 * and in the set of all instances' members, so a join drops the members no running instance owns.
 */
public final class PresenceStore {
    private final ScriptExecutor redis;
    private final PresenceKeys keys;
    private final String registry;

    public PresenceStore(ScriptExecutor redis, PresenceKeys keys, String instanceId) {
        this.redis = redis;
        this.keys = keys;
        this.registry = keys.registry(instanceId);
    }

    public String registryKey() {
        return registry;
    }

    /**
     * Adds the socket's member, replacing an earlier entry of the same socket, and drops the entries of
     * {@code goneSocketIds} and those no running instance owns.
     *
     * @param channelData   {@code channel_data} from Laravel; {@code socketId} is appended to a copy
     * @param goneSocketIds this instance's sockets whose member must go (gone without their leave reaching Redis)
     */
    public Joined join(String channel, String socketId, ObjectNode channelData, List<String> goneSocketIds) {
        ObjectNode member = channelData.deepCopy();
        member.put("socketId", socketId);
        List<String> args = new ArrayList<>(List.of("join", channel, socketId, write(member)));
        args.addAll(goneSocketIds);
        List<?> reply = run(args, channel);
        List<ObjectNode> replaced = entries(reply.subList(1, 2));
        return new Joined(PresenceMembers.parse((String) reply.get(0)), replaced.isEmpty() ? null : replaced.get(0),
                entries(reply.subList(2, reply.size())));
    }

    /**
     * The outcome of {@link #join}: the members now, the socket's own earlier entry (null: none) and the entries
     * dropped.
     */
    public record Joined(PresenceMembers members, ObjectNode replaced, List<ObjectNode> dropped) {
    }

    /** Removes the sockets' entries; a socket without one is ignored. */
    public Left leave(String channel, List<String> socketIds) {
        List<String> args = new ArrayList<>(List.of("leave", channel));
        args.addAll(socketIds);
        List<?> reply = run(args, channel);
        return new Left(PresenceMembers.parse((String) reply.get(0)), entries(reply.subList(1, reply.size())));
    }

    /** The outcome of {@link #leave}: the members now, and the entries removed (empty: nothing changed). */
    public record Left(PresenceMembers members, List<ObjectNode> removed) {
    }

    private List<?> run(List<String> args, String channel) {
        return (List<?>) redis.run(LuaScript.PRESENCE, List.of(keys.members(channel), registry, keys.owned()), args);
    }

    /** Entries the script returned as they are stored; a nil (no entry) is skipped. */
    private static List<ObjectNode> entries(List<?> reply) {
        List<ObjectNode> entries = new ArrayList<>();
        for (Object entry : reply) {
            if (entry != null) {
                entries.addAll(PresenceMembers.parse("[" + entry + "]").entries());
            }
        }
        return entries;
    }

    private static String write(ObjectNode member) {
        try {
            return Json.mapper().writeValueAsString(member);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
