package io.echostack.worker.failed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import java.time.Instant;

/** One row of {@code failed_jobs}: the original payload and why it failed. */
public record FailedJob(long id, String uuid, String connection, String queue, String payload, String exception,
                        Instant failedAt) {

    /** The job's class as {@code queue:failed} shows it: {@code displayName}, else {@code data.commandName}. */
    public String displayName() {
        try {
            JsonNode tree = Json.mapper().readTree(payload);
            String name = tree.path("displayName").asText("");
            return name.isEmpty() ? tree.path("data").path("commandName").asText("") : name;
        } catch (JsonProcessingException notJson) {
            return "(payload is not JSON)";
        }
    }

    /** The first line of the stored exception: class and message. */
    public String reason() {
        int end = exception.indexOf('\n');
        return (end < 0 ? exception : exception.substring(0, end)).strip();
    }
}
