package io.echostack.events.queue;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.MalformedPayloadException;
import io.echostack.events.broadcast.BroadcastMessage;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Our broadcast command: the Java twin of Laravel's {@code Illuminate\Broadcasting\BroadcastEvent} job.
 * It travels in a standard {@link JobEnvelope} whose {@code data.command} is a JSON <em>string</em>
 * {@code {"channels":[...],"event":"...","data":{...},"socket":null|"<socket id>"}} (see shared-events/README.md),
 * so any producer, PHP or Node, can enqueue it and every Laravel/Horizon tool can read the queue.
 *
 * @param channels channel names without the Redis prefix ({@code poster_room}, {@code private-App.Models.User.1})
 * @param event    the event name clients listen for ({@code backend_poster})
 * @param data     the payload object (without {@code socket}; {@link #messageJson} adds it as Laravel does)
 * @param socket   X-Socket-ID of the originating request ("toOthers"), or null
 */
@JsonPropertyOrder({"channels", "event", "data", "socket"})
public record BroadcastJob(List<String> channels, String event, ObjectNode data, String socket) {

    /** {@code data.commandName} of a broadcast job. */
    public static final String COMMAND_NAME = "io.echostack.events.BroadcastJob";
    /** The envelope's {@code job} handler. */
    public static final String HANDLER = COMMAND_NAME + "@handle";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public BroadcastJob {
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
    }

    /**
     * The message published on every channel, as the UTF-8 bytes RedisBroadcaster publishes ({@link BroadcastMessage}'s
     * shape, PHP {@code json_encode} escapes), written straight from this job (no copy of {@code data}, no String):
     * the worker's hot path. Laravel leaves a copy of {@code socket} inside {@code data}: it replaces a
     * {@code data.socket} in place, else is appended, as PHP's {@code $payload['socket'] = …} does.
     */
    public byte[] messageJson() {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator json = Json.broadcastWriter().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("event", event);
            json.writeObjectFieldStart("data");
            boolean socketInData = false;
            for (Map.Entry<String, JsonNode> field : data.properties()) {
                if (field.getKey().equals("socket")) {
                    json.writeStringField("socket", socket);
                    socketInData = true;
                } else {
                    json.writeFieldName(field.getKey());
                    Json.writePhpTree(json, field.getValue());
                }
            }
            if (!socketInData) {
                json.writeStringField("socket", socket);
            }
            json.writeEndObject();
            json.writeStringField("socket", socket);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail with I/O", e);
        }
        return out.toByteArray();
    }

    /** A fresh envelope as Laravel's {@code createPayload} builds it: new uuid and id, attempts 0. */
    public JobEnvelope toEnvelope(Instant now) {
        JobEnvelope envelope = new JobEnvelope();
        envelope.uuid = UUID.randomUUID().toString();
        envelope.displayName = event;
        envelope.job = HANDLER;
        envelope.data = new JobData(COMMAND_NAME, Json.toQueueJson(this));
        envelope.createdAt = now.getEpochSecond();
        envelope.id = randomId();
        envelope.attempts = 0;
        return envelope;
    }

    /** Reads the command of an envelope whose {@code data.commandName} is {@link #COMMAND_NAME}. */
    public static BroadcastJob fromEnvelope(JobEnvelope envelope) throws MalformedPayloadException {
        if (!COMMAND_NAME.equals(envelope.commandName())) {
            throw new MalformedPayloadException("not a broadcast job: command " + envelope.commandName()
                    + " (only " + COMMAND_NAME + " can run here)");
        }
        String command = envelope.data.command();
        if (command == null) {
            throw new MalformedPayloadException("broadcast job has no data.command");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(command);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("broadcast job data.command is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("broadcast job data.command must be a JSON object");
        }
        JsonNode channels = root.get("channels");
        // an empty list is valid: Laravel's broadcaster then publishes nothing and the job succeeds
        if (channels == null || !channels.isArray()) {
            throw new MalformedPayloadException("broadcast job needs a \"channels\" array");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode channel : channels) {
            if (!channel.isTextual() || channel.asText().isEmpty()) {
                throw new MalformedPayloadException("broadcast job channels must be non-empty strings");
            }
            names.add(channel.asText());
        }
        JsonNode event = root.get("event");
        if (event == null || !event.isTextual() || event.asText().isEmpty()) {
            throw new MalformedPayloadException("broadcast job needs a non-empty string \"event\"");
        }
        JsonNode data = root.get("data");
        if (data != null && data.isArray() && data.isEmpty()) {
            data = Json.mapper().createObjectNode(); // PHP's json_encode writes an empty payload array as []
        }
        if (data == null || !data.isObject()) {
            throw new MalformedPayloadException("broadcast job \"data\" must be a JSON object");
        }
        JsonNode socket = root.get("socket");
        if (socket != null && !socket.isNull() && !socket.isTextual()) {
            throw new MalformedPayloadException("broadcast job \"socket\" must be a string or null");
        }
        return new BroadcastJob(names, event.asText(), (ObjectNode) data,
                socket == null || socket.isNull() ? null : socket.asText());
    }

    /** Laravel's {@code Str::random(32)}: 32 alphanumeric characters. */
    private static String randomId() {
        StringBuilder id = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
