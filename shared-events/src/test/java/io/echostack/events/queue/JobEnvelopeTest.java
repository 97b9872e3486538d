package io.echostack.events.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.echostack.events.Fixtures;
import io.echostack.events.MalformedPayloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobEnvelopeTest {

    @Test
    void everyCapturedLaravelJobParsesWithEveryField() throws Exception {
        for (String line : Fixtures.queueJobs()) {
            JobEnvelope job = JobEnvelope.parse(line);
            assertThat(job.uuid).hasSize(36);
            assertThat(job.displayName).startsWith("App\\Events\\");
            assertThat(job.job).isEqualTo("Illuminate\\Queue\\CallQueuedHandler@call");
            assertThat(job.maxTries).isNull();
            assertThat(job.maxExceptions).isNull();
            assertThat(job.failOnTimeout).isFalse();
            assertThat(job.backoff).isNull();
            assertThat(job.timeout).isNull();
            assertThat(job.retryUntil).isNull();
            assertThat(job.commandName()).isEqualTo("Illuminate\\Broadcasting\\BroadcastEvent");
            assertThat(job.data.command()).startsWith("O:38:\"Illuminate\\Broadcasting\\BroadcastEvent\"");
            assertThat(job.id).hasSize(32);
            assertThat(job.attempts).isZero();
        }
    }

    @Test
    void capturedLaravelJobsAreRewrittenByteForByte() throws Exception {
        for (String line : Fixtures.queueJobs()) {
            assertThat(JobEnvelope.parse(line).toJson()).isEqualTo(line);
        }
    }

    @Test
    void unknownFieldsSurviveARoundTrip() throws Exception {
        String horizon = Fixtures.queueJobs().get(0)
                .replace("\"attempts\":0}", "\"attempts\":0,\"type\":\"broadcast\",\"tags\":[],\"pushedAt\":\"1714000000.1234\"}");
        JobEnvelope job = JobEnvelope.parse(horizon);
        assertThat(job.extra()).containsKeys("type", "tags", "pushedAt");
        assertThat(job.toJson()).isEqualTo(horizon);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "null", "[]", "{\"uuid\":\"x\",\"attempts\":0}", "{\"job\":\"A@b\",\"attempts\":0}",
            "{\"job\":\"\",\"data\":{},\"attempts\":0}", "{\"job\":\"A@b\",\"data\":{}}",
            "{\"job\":\"A@b\",\"data\":{},\"attempts\":\"1\"}", "{\"job\":\"A@b\",\"data\":[],\"attempts\":0}"})
    void rejectsWhatAWorkerCannotRun(String input) {
        assertThatThrownBy(() -> JobEnvelope.parse(input))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("job payload");
    }
}
