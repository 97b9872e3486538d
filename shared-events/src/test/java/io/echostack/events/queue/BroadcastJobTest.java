package io.echostack.events.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.Fixtures;
import io.echostack.events.MalformedPayloadException;
import io.echostack.events.broadcast.BroadcastMessage;
import io.echostack.events.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BroadcastJobTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static BroadcastJob posterJob(String socket) throws Exception {
        ObjectNode data = (ObjectNode) Json.mapper().readTree("{\"total\":3,\"month\":1,\"data\":{\"id\":7,\"title\":\"hi\"},"
                + "\"url\":\"/admin/posters/7/edit\",\"msg\":\"海报☆hi☆已新增!\"}");
        return new BroadcastJob(List.of("poster_room"), "backend_poster", data, socket);
    }

    @Test
    void envelopeHasEveryLaravelFieldInLaravelsOrder() throws Exception {
        JobEnvelope envelope = posterJob(null).toEnvelope(NOW);
        String json = envelope.toJson();
        assertThat(json).matches("\\{\"uuid\":\"[0-9a-f-]{36}\",\"displayName\":\"backend_poster\","
                + "\"job\":\"io\\.echostack\\.events\\.BroadcastJob@handle\",\"maxTries\":null,\"maxExceptions\":null,"
                + "\"failOnTimeout\":false,\"backoff\":null,\"timeout\":null,\"retryUntil\":null,"
                + "\"data\":\\{\"commandName\":\"io\\.echostack\\.events\\.BroadcastJob\",\"command\":\".*\"},"
                + "\"createdAt\":1795694400,\"id\":\"[A-Za-z0-9]{32}\",\"attempts\":0}");
        // the command is a JSON string; Unicode raw and slashes escaped, as JSON_UNESCAPED_UNICODE writes
        assertThat(envelope.data.command()).isEqualTo("{\"channels\":[\"poster_room\"],\"event\":\"backend_poster\","
                + "\"data\":{\"total\":3,\"month\":1,\"data\":{\"id\":7,\"title\":\"hi\"},\"url\":\"\\/admin\\/posters\\/7\\/edit\","
                + "\"msg\":\"海报☆hi☆已新增!\"},\"socket\":null}");
    }

    @Test
    void eachEnvelopeGetsItsOwnUuidAndId() throws Exception {
        BroadcastJob job = posterJob(null);
        JobEnvelope first = job.toEnvelope(NOW);
        JobEnvelope second = job.toEnvelope(NOW);
        assertThat(first.uuid).isNotEqualTo(second.uuid);
        assertThat(first.id).isNotEqualTo(second.id);
    }

    @Test
    void roundTripsThroughTheEnvelope() throws Exception {
        BroadcastJob job = posterJob("abc123.456");
        JobEnvelope parsed = JobEnvelope.parse(job.toEnvelope(NOW).toJson());
        assertThat(BroadcastJob.fromEnvelope(parsed)).isEqualTo(job);
    }

    @Test
    void messageCopiesSocketIntoDataAsLaravelDoes() throws Exception {
        assertThat(new String(posterJob("abc123.456").messageJson(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"event\":\"backend_poster\",\"data\":{"
                + "\"total\":3,\"month\":1,\"data\":{\"id\":7,\"title\":\"hi\"},\"url\":\"\\/admin\\/posters\\/7\\/edit\","
                + "\"msg\":\"\\u6d77\\u62a5\\u2606hi\\u2606\\u5df2\\u65b0\\u589e!\",\"socket\":\"abc123.456\"},"
                + "\"socket\":\"abc123.456\"}");
    }

    @Test
    void messageBuildsLaravelsShapeWithSocketInsideData() throws Exception {
        ObjectNode payload = (ObjectNode) Json.mapper().readTree(
                "{\"poster\":{\"id\":42,\"url\":\"https://example.test/posters/42\",\"tags\":[\"ünïcødé ✓\"]},"
                        + "\"action\":\"updated\"}");
        BroadcastJob job = new BroadcastJob(List.of("poster_room"), "backend_poster", payload, null);
        assertThat(new String(job.messageJson(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"event\":\"backend_poster\",\"data\":{\"poster\":{\"id\":42,"
                + "\"url\":\"https:\\/\\/example.test\\/posters\\/42\",\"tags\":[\"\\u00fcn\\u00efc\\u00f8d\\u00e9 \\u2713\"]},"
                + "\"action\":\"updated\",\"socket\":null},\"socket\":null}");
        assertThat(payload.has("socket")).as("the caller's payload is not modified").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"total\":3,\"url\":\"/a/b\",\"msg\":\"海报☆😀\\u0000\\\"q\\\"\\n\"}",
            "{\"a\":1,\"socket\":\"old\",\"b\":[1.5,true,null,{\"c\":\"</script>\"}]}", "{\"n\":12345678901234567890}"})
    void messageBytesAreLaravelsMessageInUtf8(String data) throws Exception {
        for (String socket : new String[] {null, "abc123.456"}) {
            ObjectNode payload = (ObjectNode) Json.mapper().readTree(data);
            BroadcastJob job = new BroadcastJob(List.of("room"), "ev/ent☆", payload, socket);
            // What Laravel publishes: the payload with socket put into it (in place if present), PHP's escapes.
            ObjectNode laravelData = payload.deepCopy();
            laravelData.put("socket", socket);
            String expected = new BroadcastMessage("ev/ent☆", Json.mapper().writeValueAsString(laravelData), socket)
                    .toJson();

            assertThat(new String(job.messageJson(), StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    @Test
    void refusesALaravelPhpJobWithAClearReason() throws Exception {
        JobEnvelope php = JobEnvelope.parse(Fixtures.queueJobs().get(0));
        assertThatThrownBy(() -> BroadcastJob.fromEnvelope(php))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("not a broadcast job: command Illuminate\\Broadcasting\\BroadcastEvent"
                        + " (only io.echostack.events.BroadcastJob can run here)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"event\":\"e\",\"data\":{}}", "{\"channels\":\"a\",\"event\":\"e\",\"data\":{}}",
            "{\"channels\":[1],\"event\":\"e\",\"data\":{}}", "{\"channels\":[\"a\"],\"data\":{}}",
            "{\"channels\":[\"a\"],\"event\":\"e\",\"data\":[1]}", "{\"channels\":[\"a\"],\"event\":\"e\",\"data\":{},\"socket\":1}"})
    void rejectsMalformedCommands(String command) {
        JobEnvelope envelope = new JobEnvelope();
        envelope.job = BroadcastJob.HANDLER;
        envelope.data = new JobData(BroadcastJob.COMMAND_NAME, command);
        assertThatThrownBy(() -> BroadcastJob.fromEnvelope(envelope))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("broadcast job");
    }

    @Test
    void takesNoChannelsAndAnEmptyPhpArrayAsDataAsLaravelDoes() throws Exception {
        JobEnvelope envelope = new JobEnvelope();
        envelope.job = BroadcastJob.HANDLER;
        envelope.data = new JobData(BroadcastJob.COMMAND_NAME, "{\"channels\":[],\"event\":\"e\",\"data\":[],\"socket\":null}");

        BroadcastJob job = BroadcastJob.fromEnvelope(envelope);

        assertThat(job.channels()).isEmpty();
        assertThat(new String(job.messageJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"event\":\"e\",\"data\":{\"socket\":null},\"socket\":null}");
    }

    @Test
    void publishesFloatsControlCharactersAndEmojiAsLaravelsWorkerDid() throws Exception {
        List<String> capture = Fixtures.text("publish-worker-floats.txt").lines().filter(l -> !l.startsWith("#"))
                .toList();
        ObjectNode data = (ObjectNode) Json.mapper().readTree(capture.get(0));

        BroadcastJob job = new BroadcastJob(List.of("poster_room"), "rich.event", data, "sock.1");

        assertThat(new String(job.messageJson(), StandardCharsets.UTF_8)).isEqualTo(capture.get(1));
    }
}
