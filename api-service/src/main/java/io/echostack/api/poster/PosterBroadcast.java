package io.echostack.api.poster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;
import io.echostack.events.queue.BroadcastJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The seed app's poster broadcast (created, updated or deleted): {@code backend_poster} on the public
 * {@code poster_room}, carrying the dashboard counters, the poster, its edit link and the toast text the admin page
 * shows.
 */
@ApplicationScoped
public class PosterBroadcast {
    public static final String CHANNEL = "poster_room";
    public static final String EVENT = "backend_poster";

    private final PosterConfig config;

    PosterBroadcast(PosterConfig config) {
        this.config = config;
    }

    /** @param socketId the editor's X-Socket-ID ("toOthers"), or null to reach every listener */
    public BroadcastJob of(PosterChange change, PosterView poster, PosterCounts counts, String socketId) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("total", counts.active());
        data.put("month", counts.activeThisMonth());
        data.set("data", Json.mapper().valueToTree(poster));
        data.put("url", config.editUrlOf(poster.id()));
        data.put("msg", change.message(poster.title()));
        return new BroadcastJob(List.of(CHANNEL), EVENT, data, socketId);
    }
}
