package io.echostack.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers; asked once per JVM (the first probe takes ~0.3 s without one). Testcontainers is
 * asked only where it could find an engine: its probe logs an ERROR with a stack of failed strategies on a machine
 * without Docker, which is the normal case here (tests then use the Maven-shipped servers).
 */
final class Docker {
    private static Boolean available;

    private Docker() {
    }

    static synchronized boolean available() {
        if (available == null) {
            boolean answer;
            try {
                answer = mayHaveEngine(System.getenv(), Path.of(System.getProperty("user.home")))
                        && DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                answer = false;
            }
            available = answer;
        }
        return available;
    }

    /**
     * What Testcontainers' strategies look at: DOCKER_HOST or TESTCONTAINERS_HOST_OVERRIDE, its properties file
     * (docker.host, tc.host), or an engine's socket where Docker, rootless Docker, Docker Desktop, Colima or
     * Rancher Desktop put it.
     */
    static boolean mayHaveEngine(Map<String, String> env, Path home) {
        if (env.containsKey("DOCKER_HOST") || env.containsKey("TESTCONTAINERS_HOST_OVERRIDE")) {
            return true;
        }
        List<Path> candidates = new ArrayList<>(List.of(home.resolve(".testcontainers.properties"),
                Path.of("/var/run/docker.sock"), home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima/default/docker.sock"),
                home.resolve(".colima/docker.sock"), home.resolve(".rd/docker.sock")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, ".docker/run/docker.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }
}
