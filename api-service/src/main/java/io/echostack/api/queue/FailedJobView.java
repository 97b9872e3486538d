package io.echostack.api.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A failed job as the queue page shows it: the job's name from its payload, the exception's first line, and (for one
 * job) the whole payload and stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailedJobView(
        long id,
        String uuid,
        String connection,
        String queue,
        String name,
        @JsonProperty("exception_message") String exceptionMessage,
        @JsonProperty("failed_at") String failedAt,
        String payload,
        String exception) {

    private static final DateTimeFormatter LARAVEL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    public static FailedJobView summary(FailedJob job) {
        return new FailedJobView(job.id, job.uuid, job.connection, job.queue, displayName(job.payload),
                job.exception.lines().findFirst().orElse(""),
                LARAVEL_DATE.format(job.failedAt.atOffset(ZoneOffset.UTC)), null, null);
    }

    public static FailedJobView detail(FailedJob job) {
        FailedJobView s = summary(job);
        return new FailedJobView(s.id(), s.uuid(), s.connection(), s.queue(), s.name(), s.exceptionMessage(),
                s.failedAt(), job.payload, job.exception);
    }

    /** {@code displayName} of the envelope, or a note when the payload is not a job at all. */
    private static String displayName(String payload) {
        try {
            JsonNode name = Json.mapper().readTree(payload).path("displayName");
            return name.isTextual() ? name.asText() : "(no displayName)";
        } catch (JsonProcessingException e) {
            return "(payload is not JSON)";
        }
    }
}
