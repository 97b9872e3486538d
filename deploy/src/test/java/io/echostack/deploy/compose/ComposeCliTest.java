package io.echostack.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.echostack.deploy.Commands;
import io.echostack.deploy.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where Docker Compose is installed, it validates the file too (offline: {@code config -q}). */
class ComposeCliTest {

    @Test
    void composeAcceptsTheFile() throws Exception {
        List<String> compose = composeCommand();
        assumeTrue(compose != null, "neither docker-compose nor docker compose is installed");
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", RepoFiles.path("docker-compose.yml").toString(), "config", "-q"));
        Commands.Result result = Commands.run(command);
        assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
    }

    private static List<String> composeCommand() throws InterruptedException {
        if (Commands.run(List.of("docker-compose", "version")).exitCode() == 0) {
            return List.of("docker-compose");
        }
        if (Commands.run(List.of("docker", "compose", "version")).exitCode() == 0) {
            return List.of("docker", "compose");
        }
        return null;
    }
}
