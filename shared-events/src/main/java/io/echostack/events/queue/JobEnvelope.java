package io.echostack.events.queue;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.MalformedPayloadException;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Laravel's queue job payload, every Laravel 8 field in Laravel's order, plus {@code createdAt} (Laravel 12.11+).
 * Fields we do not model (Horizon's {@code type}/{@code tags}/{@code pushedAt}, {@code delay}, …) survive a
 * read-modify-write in {@link #extra()}.
 *
 * <p>Written with {@link Json#queueWriter()} ({@code JSON_UNESCAPED_UNICODE}, escaped slashes) as Laravel writes it.
 * Once a job has been popped, Redis's cjson has re-encoded it: never compare payloads by text, except the reserved
 * string returned by the pop script, which is the exact member to delete or release.
 */
@JsonPropertyOrder({"uuid", "displayName", "job", "maxTries", "maxExceptions", "failOnTimeout", "backoff", "timeout",
        "retryUntil", "data", "createdAt", "id", "attempts"})
public final class JobEnvelope {
    private static final ObjectReader READER = Json.mapper().readerFor(JobEnvelope.class);

    public String uuid;
    public String displayName;
    public String job;
    public Integer maxTries;
    public Integer maxExceptions;
    public boolean failOnTimeout;
    /** Comma-separated seconds ("3" or "1,5,10"), or null. */
    public String backoff;
    public Integer timeout;
    public Long retryUntil;
    public JobData data;
    /** Laravel 12.11+; absent (not null) in older payloads, so a Laravel 8 payload round-trips byte for byte. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Long createdAt;
    public String id;
    public int attempts;

    private final Map<String, JsonNode> extra = new LinkedHashMap<>();
    /** {@link #parse} saw an integer {@code attempts} (a string or null would not count). */
    private boolean attemptsRead;

    /**
     * Parses a payload read from Redis in one streaming pass (the worker's hot path: no intermediate tree); requires
     * the fields a worker cannot do without.
     */
    public static JobEnvelope parse(String json) throws MalformedPayloadException {
        try {
            return parse(Json.mapper().createParser(json));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail with I/O", e);
        }
    }

    /** {@link #parse(String)} of UTF-8 bytes as Redis returned them (no decoding to a String first). */
    public static JobEnvelope parse(byte[] json) throws MalformedPayloadException {
        try {
            return parse(Json.mapper().createParser(json));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail with I/O", e);
        }
    }

    private static JobEnvelope parse(JsonParser input) throws MalformedPayloadException {
        JobEnvelope envelope;
        try (JsonParser parser = input) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPayloadException("job payload must be a JSON object");
            }
            envelope = READER.readValue(parser);
        } catch (StreamReadException e) {
            throw new MalformedPayloadException("job payload is not JSON: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("job payload is not a Laravel job envelope: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail with I/O", e);
        }
        if (!envelope.attemptsRead) {
            // the pop script cannot count an attempt without it, so the job would be retried forever
            throw new MalformedPayloadException("job payload has no numeric \"attempts\"");
        }
        if (envelope.job == null || envelope.job.isBlank()) {
            throw new MalformedPayloadException("job payload has no \"job\" handler");
        }
        if (envelope.data == null) {
            throw new MalformedPayloadException("job payload has no \"data\" object");
        }
        return envelope;
    }

    /** The payload as Laravel writes it onto the queue. */
    public String toJson() {
        return Json.toQueueJson(this);
    }

    /** Which command the job runs: {@code data.commandName}, else the handler class of {@code job}. */
    @JsonIgnore
    public String commandName() {
        if (data != null && data.commandName() != null) {
            return data.commandName();
        }
        int at = job == null ? -1 : job.indexOf('@');
        return at < 0 ? job : job.substring(0, at);
    }

    @JsonSetter("attempts")
    private void readAttempts(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            attempts = ((Number) value).intValue();
            attemptsRead = true;
        }
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }

    @JsonAnySetter
    void putExtra(String name, JsonNode value) {
        extra.put(name, value);
    }
}
