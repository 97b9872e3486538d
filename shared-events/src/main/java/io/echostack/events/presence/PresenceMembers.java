package io.echostack.events.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One presence channel's member list as stored: one entry {@code {user_id, user_info, socketId}} per socket, oldest
 * first. As in laravel-echo-server, a user's other sockets are found with JavaScript's loose equality on
 * {@code user_id} ({@code 1 == "1"}), while the lists sent to clients and the HTTP API keep one entry per user with
 * lodash's {@code uniqBy(members, 'user_id')}, a strict comparison ({@code 1} and {@code "1"} are two users,
 * {@code 2.0} and {@code 2} one). A value that is missing or not a JSON array reads as empty.
 *
 * @param raw the stored JSON text, or null when the key does not exist
 */
public record PresenceMembers(String raw, List<ObjectNode> entries) {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Object UNDEFINED = new Object();
    private static final Object NULL = new Object();

    public static PresenceMembers parse(String raw) {
        List<ObjectNode> entries = new ArrayList<>();
        if (raw != null) {
            try {
                JsonNode node = Json.mapper().readTree(raw);
                if (node instanceof ArrayNode array) {
                    array.forEach(entry -> {
                        if (entry instanceof ObjectNode object) {
                            entries.add(object);
                        }
                    });
                }
            } catch (IOException e) {
                // unreadable: no members
            }
        }
        return new PresenceMembers(raw, List.copyOf(entries));
    }

    /**
     * The user id as laravel-echo-server compares it to find a user's other sockets ({@code ==}), as text: a number,
     * or a string holding one, in its shortest form ({@code 1}, {@code 1.0} and {@code "1"} give {@code "1"}), a
     * boolean as the number JavaScript compares it as; null when missing or null.
     */
    public static String userKey(JsonNode member) {
        JsonNode id = member == null ? null : member.get("user_id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isNumber()) {
            return number(id.doubleValue());
        }
        if (id.isBoolean()) {
            return id.booleanValue() ? "1" : "0";
        }
        if (id.isTextual()) {
            String text = id.textValue().trim();
            return DECIMAL.matcher(text).matches() ? number(Double.parseDouble(text)) : id.textValue();
        }
        return id.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /**
     * The user id as lodash's {@code uniqBy} compares it (SameValueZero): numbers by value, strings by text, never a
     * number equal to a string; an object or array id is its own user, as JavaScript compares those by reference.
     */
    private static Object strictKey(ObjectNode entry) {
        JsonNode id = entry.get("user_id");
        if (id == null) {
            return UNDEFINED;
        }
        if (id.isNumber()) {
            return id.doubleValue() + 0.0; // -0.0 + 0.0 is 0.0: SameValueZero
        }
        if (id.isTextual()) {
            return id.textValue();
        }
        if (id.isBoolean()) {
            return id.booleanValue();
        }
        return id.isNull() ? NULL : new Object();
    }

    /** Whether this user has an entry of a socket other than {@code exceptSocketId}. */
    public boolean hasUser(String userKey, String exceptSocketId) {
        return userKey != null && entries.stream().anyMatch(entry -> userKey.equals(userKey(entry))
                && !entry.path("socketId").asText().equals(exceptSocketId));
    }

    /** {@code presence:subscribed}'s list: one entry per user, newest first, as laravel-echo-server sends it. */
    public ArrayNode subscribedPayload() {
        ArrayNode payload = Json.mapper().createArrayNode();
        Set<Object> seen = new HashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (seen.add(strictKey(entries.get(i)))) {
                payload.add(entries.get(i));
            }
        }
        return payload;
    }

    /** The HTTP API's {@code users}: {@code {id, user_info}} per distinct user, in list order. */
    public ArrayNode users() {
        ArrayNode users = Json.mapper().createArrayNode();
        Set<Object> seen = new HashSet<>();
        for (ObjectNode entry : entries) {
            if (seen.add(strictKey(entry))) {
                users.addObject().set("id", entry.get("user_id"));
                ((ObjectNode) users.get(users.size() - 1)).set("user_info", entry.get("user_info"));
            }
        }
        return users;
    }

    /** The number of distinct users (the HTTP API's {@code user_count}). */
    public int userCount() {
        return users().size();
    }
}
