package io.echostack.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads back what was pushed onto Laravel's default queue list in the real Redis. */
public final class QueuedJobs {
    public static final String QUEUE_KEY = "laravel_database_queues:default";

    private QueuedJobs() {
    }

    public static List<String> all(Redis redis) {
        var reply = redis.send(Request.cmd(Command.LRANGE).arg(QUEUE_KEY).arg(0).arg(-1))
                .await().atMost(Duration.ofSeconds(5));
        List<String> items = new ArrayList<>();
        reply.forEach(item -> items.add(item.toString()));
        return items;
    }

    /** The broadcast command inside a job envelope: {@code {"channels", "event", "data", "socket"}}. */
    public static JsonNode command(String envelope) {
        try {
            return Json.mapper().readTree(Json.mapper().readTree(envelope).get("data").get("command").asText());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commands of every queued job, oldest first. */
    public static List<JsonNode> commands(Redis redis) {
        return all(redis).stream().map(QueuedJobs::command).toList();
    }
}
