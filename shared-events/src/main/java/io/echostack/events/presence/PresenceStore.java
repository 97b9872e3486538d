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
 * writes is also recorded in its registry set, so {@link #leave} at the next start removes what a crash left behind.
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
     * Adds the socket's member (replacing an earlier entry of the same socket).
     *
     * @param channelData {@code channel_data} from Laravel; {@code socketId} is appended to a copy
     * @return the members after the join
     */
    public PresenceMembers join(String channel, String socketId, ObjectNode channelData) {
        ObjectNode member = channelData.deepCopy();
        member.put("socketId", socketId);
        List<?> reply = run(List.of("join", channel, socketId, write(member)), channel);
        return PresenceMembers.parse((String) reply.get(0));
    }

    /** Removes the sockets' entries; a socket without one is ignored. */
    public Left leave(String channel, List<String> socketIds) {
        List<String> args = new ArrayList<>(List.of("leave", channel));
        args.addAll(socketIds);
        List<?> reply = run(args, channel);
        List<ObjectNode> removed = new ArrayList<>();
        for (Object entry : reply.subList(1, reply.size())) {
            removed.addAll(PresenceMembers.parse("[" + entry + "]").entries());
        }
        return new Left(PresenceMembers.parse((String) reply.get(0)), removed);
    }

    /** The outcome of {@link #leave}: the members now, and the entries removed (empty: nothing changed). */
    public record Left(PresenceMembers members, List<ObjectNode> removed) {
    }

    private List<?> run(List<String> args, String channel) {
        return (List<?>) redis.run(LuaScript.PRESENCE, List.of(keys.members(channel), registry), args);
    }

    private static String write(ObjectNode member) {
        try {
            return Json.mapper().writeValueAsString(member);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
