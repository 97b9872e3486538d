package io.echostack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Testcontainers is asked only where it could find an engine (on this machine's real file system for /var/run). */
class DockerTest {
    @TempDir
    Path home;

    @Test
    void dockerHostOrTestcontainersOverrideMeansAsk() {
        assertThat(Docker.mayHaveEngine(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"), home)).isTrue();
        assertThat(Docker.mayHaveEngine(Map.of("TESTCONTAINERS_HOST_OVERRIDE", "10.0.0.1"), home)).isTrue();
    }

    @Test
    void aTestcontainersPropertiesFileOrAUserSocketMeansAsk() throws Exception {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://10.0.0.1:2375\n");
        assertThat(Docker.mayHaveEngine(Map.of(), home)).isTrue();

        Files.delete(home.resolve(".testcontainers.properties"));
        Files.createDirectories(home.resolve(".docker/run"));
        Files.createFile(home.resolve(".docker/run/docker.sock"));
        assertThat(Docker.mayHaveEngine(Map.of(), home)).isTrue();
    }

    @Test
    void aRootlessSocketInTheRuntimeDirectoryMeansAsk() throws Exception {
        Path runtime = Files.createDirectories(home.resolve("run-user"));
        Files.createFile(runtime.resolve("docker.sock"));
        assertThat(Docker.mayHaveEngine(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home)).isTrue();
    }

    @Test
    void nothingOfTheseMeansNoEngineUnlessTheSystemSocketExists() {
        assertThat(Docker.mayHaveEngine(Map.of(), home)).isEqualTo(Files.exists(Path.of("/var/run/docker.sock")));
    }
}
