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

/**
 * One presence channel's member list as stored: one entry {@code {user_id, user_info, socketId}} per socket, oldest
 * first. Users are told apart by {@code user_id} with JavaScript's loose equality ({@code 1} equals {@code "1"}), as
 * laravel-echo-server does. A value that is missing or not a JSON array reads as empty.
 *
 * @param raw the stored JSON text, or null when the key does not exist
 */
public record PresenceMembers(String raw, List<ObjectNode> entries) {

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

    /** The user id as laravel-echo-server compares it ({@code ==}): its text. */
    public static String userKey(JsonNode member) {
        JsonNode id = member == null ? null : member.get("user_id");
        return id == null || id.isNull() ? null : id.asText();
    }

    /** Whether this user has an entry of a socket other than {@code exceptSocketId}. */
    public boolean hasUser(String userKey, String exceptSocketId) {
        return userKey != null && entries.stream().anyMatch(entry -> userKey.equals(userKey(entry))
                && !entry.path("socketId").asText().equals(exceptSocketId));
    }

    /** {@code presence:subscribed}'s list: one entry per user, newest first, as laravel-echo-server sends it. */
    public ArrayNode subscribedPayload() {
        ArrayNode payload = Json.mapper().createArrayNode();
        Set<String> seen = new HashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (seen.add(String.valueOf(userKey(entries.get(i))))) {
                payload.add(entries.get(i));
            }
        }
        return payload;
    }

    /** The HTTP API's {@code users}: {@code {id, user_info}} per distinct user, in list order. */
    public ArrayNode users() {
        ArrayNode users = Json.mapper().createArrayNode();
        Set<String> seen = new HashSet<>();
        for (ObjectNode entry : entries) {
            if (seen.add(String.valueOf(userKey(entry)))) {
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
