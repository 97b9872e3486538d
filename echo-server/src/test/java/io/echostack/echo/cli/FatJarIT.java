package io.echostack.echo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.echostack.echo.support.RedisProcess;
import io.echostack.testsupport.FreePorts;
import io.echostack.testsupport.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged {@code target/echo-server.jar} starts from a config file, serves, and stops cleanly with exit status 0
 * on SIGTERM, SIGINT and SIGHUP, also when Redis is gone.
 */
class FatJarIT {

    @Test
    void startsServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        Files.writeString(dir.resolve("laravel-echo-server.json"), """
                {"host": "127.0.0.1", "port": "%d",
                 "databaseConfig": {"redis": {"host": "%s", "port": %d, "keyPrefix": "laravel_database_"}}}
                """.formatted(port, TestRedis.get().host(), TestRedis.get().port()));
        Path log = dir.resolve("out.log");
        Process process = startJar(dir, log);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("Server ready!"));
            assertThat(read(log))
                    .contains("L A R A V E L  E C H O  S E R V E R")
                    .contains("✔  Running at 127.0.0.1 on port " + port)
                    .contains("✔  Listening for redis events...");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("OK");

            process.destroy();

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(read(log)).contains("The LARAVEL ECHO SERVER server has been stopped.");
            assertThat(process.exitValue()).as("a requested stop exits 0, as the reference").isZero();
            assertThat(dir.resolve("laravel-echo-server.lock")).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    /** Ctrl-C and a hang-up stop as SIGTERM does, and exit 0 too (the JVM's own handling exits 130 and 129). */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "HUP"})
    void stopsGracefullyAndExitsZeroOn(String signal, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("laravel-echo-server.json"), """
                {"host": "127.0.0.1", "port": %d, "databaseConfig": {"redis": {"host": "%s", "port": %d}}}
                """.formatted(FreePorts.next(), TestRedis.get().host(), TestRedis.get().port()));
        Path log = dir.resolve("out.log");
        Process process = startJar(dir, log);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("Server ready!"));

            assertThat(new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).start().waitFor())
                    .isZero();

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(read(log)).containsSubsequence("Stopping the LARAVEL ECHO SERVER",
                    "The LARAVEL ECHO SERVER server has been stopped.");
            assertThat(process.exitValue()).isZero();
            assertThat(dir.resolve("laravel-echo-server.lock")).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    /** SIGTERM while Redis is down: the presence cleanup is skipped after its bound instead of hanging the stop. */
    @Test
    void stopsWithinSecondsOnSigtermWhenRedisIsGone(@TempDir Path dir) throws Exception {
        RedisProcess redis = RedisProcess.server(dir);
        int port = FreePorts.next();
        Files.writeString(dir.resolve("laravel-echo-server.json"), """
                {"host": "127.0.0.1", "port": %d, "databaseConfig": {"redis": {"host": "127.0.0.1", "port": %d}}}
                """.formatted(port, redis.port()));
        Path log = dir.resolve("out.log");
        Process process = startJar(dir, log);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> read(log).contains("Server ready!"));
            redis.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> read(log).contains("Redis connection lost"));

            process.destroy();

            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
            assertThat(read(log)).contains("Redis did not answer in time")
                    .contains("The LARAVEL ECHO SERVER server has been stopped.");
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
            redis.close();
        }
    }

    /** {@code java -jar target/echo-server.jar start --dir <dir>}, its output to {@code log}. */
    private static Process startJar(Path dir, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-jar", Path.of("target/echo-server.jar").toAbsolutePath().toString(),
                "start", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
