package io.echostack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.testsupport.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run.sh}'s launcher as a process: started on free ports, stopped with SIGTERM (what run.sh sends it on
 * Ctrl-C). It says it stops, stops everything, and does not call the services it stopped itself "stopped
 * unexpectedly" with a page of their logs.
 */
class RunStackTest {

    @Test
    void stopsEverythingQuietlyOnSigterm() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path runDir = module.resolve("target/run-stack-test");
        Path output = Files.createDirectories(runDir).resolve("launcher.out");
        Map<String, Integer> ports = Map.of("API_PORT", FreePorts.next(), "WORKER_PORT", FreePorts.next(),
                "ECHO_PORT", FreePorts.next(), "REDIS_PORT", FreePorts.next());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunStack.class.getName(),
                module.getParent().toString(), runDir.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        ports.forEach((name, port) -> builder.environment().put(name, Integer.toString(port)));
        Process launcher = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.readString(output).contains("Press Ctrl-C") && launcher.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(output)).as("started").contains("Press Ctrl-C");

            launcher.destroy();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();

            assertThat(Files.readString(output)).contains("Stopping Echo Stack...").doesNotContain("unexpectedly");
            for (String name : List.of("API_PORT", "WORKER_PORT", "ECHO_PORT", "REDIS_PORT")) {
                assertThat(listening(ports.get(name))).as("%s %d still listening", name, ports.get(name)).isFalse();
            }
        } finally {
            launcher.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
