package io.echostack.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** The checks the real file passes do reject what they promise to reject. */
class ComposeStrictnessTest {
    private static final String REDIS = """
              redis:
                image: redis:7.4-alpine
                healthcheck:
                  test: ["CMD", "redis-cli", "ping"]
            """;

    @Test
    void unknownServiceKeyFails() {
        assertThatThrownBy(() -> ComposeFile.parse("services:\n" + REDIS + "    portz: [\"6379:6379\"]\n"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("portz");
    }

    @Test
    void unknownTopLevelKeyFails() {
        assertThatThrownBy(() -> ComposeFile.parse("servicez: {}\nservices:\n" + REDIS))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("servicez");
    }

    @Test
    void duplicateKeyFails() {
        assertThatThrownBy(() -> ComposeFile.parse("services:\n" + REDIS + "    image: redis:6\n"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("image");
    }

    @Test
    void unknownDependsOnTargetFails() throws Exception {
        ComposeFile file = ComposeFile.parse("services:\n" + REDIS + """
                  app:
                    image: app
                    healthcheck:
                      test: ["CMD", "true"]
                    depends_on:
                      redis:
                        condition: service_healthy
                      postgres:
                        condition: service_healthy
                """);
        assertThat(ComposeRules.problems(file)).containsExactly("app: depends_on unknown service postgres");
    }

    @Test
    void missingHealthcheckFails() throws Exception {
        ComposeFile file = ComposeFile.parse("services:\n" + REDIS + "  app:\n    image: app\n");
        assertThat(ComposeRules.problems(file)).containsExactly("app: no healthcheck");
    }

    @Test
    void undeclaredNamedVolumeFails() throws Exception {
        ComposeFile file = ComposeFile.parse("services:\n" + REDIS + "    volumes: [\"data:/data\"]\n");
        assertThat(ComposeRules.problems(file)).containsExactly("redis: volume data is not declared under volumes");
    }
}
