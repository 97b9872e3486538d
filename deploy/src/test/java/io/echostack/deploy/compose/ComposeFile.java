package io.echostack.deploy.compose;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.echostack.deploy.StrictYaml;
import java.util.List;
import java.util.Map;

/**
 * The part of the Compose specification that docker-compose.yml uses, read strictly: a key outside this model is an
 * error, so a typo cannot silently drop a setting. Add a key here when the file needs it.
 */
public record ComposeFile(Map<String, Service> services, Map<String, Volume> volumes) {

    public record Service(
            String image,
            Build build,
            List<String> command,
            Map<String, String> environment,
            List<String> ports,
            List<String> volumes,
            @JsonProperty("depends_on") Map<String, Dependency> dependsOn,
            Healthcheck healthcheck,
            Deploy deploy,
            @JsonProperty("stop_grace_period") String stopGracePeriod,
            String restart) {
    }

    public record Build(String context, String dockerfile) {
    }

    public record Dependency(String condition) {
    }

    public record Healthcheck(List<String> test, String interval, String timeout, Integer retries,
                              @JsonProperty("start_period") String startPeriod) {
    }

    public record Deploy(Integer replicas) {
    }

    /** A named volume; the file declares them with default options ({@code {}}). */
    public record Volume() {
    }

    public static ComposeFile parse(String yaml) throws JsonProcessingException {
        return StrictYaml.mapper().readValue(yaml, ComposeFile.class);
    }
}
