package io.echostack.worker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's artisan commands as an operator runs them: on the host of a running worker (its HTTP port
 * taken), and {@code --help} on a machine without the database.
 */
class ArtisanCommandsIT {

    @Test
    void aCommandRunsBesideAWorkerThatHoldsTheHttpPort() throws Exception {
        assertThat(WorkerProcess.JAR).as("run after package").exists();
        try (ServerSocket workerPort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path log = Files.createDirectories(Path.of("target", "artisan-commands-it")).resolve("monitor.log");
            WorkerProcess command = WorkerProcess.start(WorkerProcess.onTestServers(Map.of(
                    "QUARKUS_HTTP_HOST", "127.0.0.1",
                    "QUARKUS_HTTP_PORT", Integer.toString(workerPort.getLocalPort()))),
                    log, "queue:monitor", "redis:artisan-it");

            assertThat(command.awaitExit(Duration.ofSeconds(60))).as("exit status: %s", command.log()).isZero();
            assertThat(command.log()).contains("[redis] artisan-it").doesNotContain("in use");
            // only the command's own output, as artisan prints it: no Quarkus banner, no start-up INFO lines
            assertThat(command.log()).startsWith("+---").doesNotContain("INFO");
        }
    }

    @Test
    void helpNeedsNoDatabaseOrRedis() throws Exception {
        assertThat(WorkerProcess.JAR).as("run after package").exists();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Map<String, String> nowhere = Map.of(
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + closed,
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/none");
        Path dir = Files.createDirectories(Path.of("target", "artisan-commands-it"));

        WorkerProcess top = WorkerProcess.start(nowhere, dir.resolve("help.log"), "--help");
        assertThat(top.awaitExit(Duration.ofSeconds(30))).as("exit status: %s", top.log()).isZero();
        assertThat(top.log()).contains("Usage: artisan", "queue:work", "queue:failed", "queue:retry")
                .doesNotContain("Exception");

        WorkerProcess retry = WorkerProcess.start(nowhere, dir.resolve("retry-help.log"), "queue:retry", "--help");
        assertThat(retry.awaitExit(Duration.ofSeconds(30))).as("exit status: %s", retry.log()).isZero();
        assertThat(retry.log()).contains("Usage: artisan queue:retry").doesNotContain("Exception");
    }
}
