package io.echostack.api.poster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.api.auth.UserView;
import io.echostack.api.channel.AppChannels;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * "Someone else changed your poster", sent as a Laravel broadcast notification to the owner's private channel, so
 * {@code Echo.private('App.Models.User.' + id).notification(n => ...)} receives it.
 */
@ApplicationScoped
public class PosterNotification {
    /** The event name Laravel's BroadcastChannel uses for every notification. */
    public static final String EVENT = "Illuminate\\Notifications\\Events\\BroadcastNotificationCreated";
    /** The notification's {@code type} ({@code broadcastType()} in Laravel). */
    public static final String TYPE = "poster.changed";

    private final PosterConfig config;

    PosterNotification(PosterConfig config) {
        this.config = config;
    }

    public BroadcastJob toOwner(long ownerId, PosterChange change, PosterView poster, UserView editor) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("msg", change.message(poster.title()) + " (" + editor.name() + ")");
        data.set("poster", Json.mapper().valueToTree(poster));
        data.set("editor", Json.mapper().valueToTree(editor));
        data.put("url", config.editUrlOf(poster.id()));
        data.put("id", UUID.randomUUID().toString());
        data.put("type", TYPE);
        return new BroadcastJob(List.of(AppChannels.privateChannelOf(ownerId)), EVENT, data, null);
    }
}
