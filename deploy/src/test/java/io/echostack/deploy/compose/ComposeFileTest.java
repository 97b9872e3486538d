package io.echostack.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.deploy.RepoFiles;
import io.echostack.deploy.service.EchoServerReader;
import io.echostack.deploy.service.EnvCheck;
import io.echostack.deploy.service.HostReference;
import io.echostack.deploy.service.ServiceSpec;
import io.echostack.deploy.service.StackServices;
import io.echostack.deploy.service.WorkerShutdown;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml against the services' real configuration. */
class ComposeFileTest {
    private static ComposeFile compose;
    private static Map<String, ServiceSpec> specs;
    private static final int SHUTDOWN_MARGIN_SECONDS = 10;

    @BeforeAll
    static void load() throws Exception {
        compose = ComposeFile.parse(RepoFiles.read("docker-compose.yml"));
        specs = StackServices.all();
    }

    @Test
    void structureIsSound() {
        assertThat(ComposeRules.problems(compose)).isEmpty();
        assertThat(compose.services()).containsOnlyKeys(specs.keySet());
    }

    @Test
    void ourImagesAreBuiltFromTheModulesDockerfiles() {
        for (String module : StackServices.MODULES) {
            ComposeFile.Service service = compose.services().get(module);
            assertThat(service.image()).as(module).isEqualTo(StackServices.image(module));
            assertThat(service.build().context()).as(module).isEqualTo(".");
            assertThat(service.build().dockerfile()).as(module).isEqualTo(module + "/Dockerfile");
            assertThat(Files.isRegularFile(RepoFiles.path(service.build().dockerfile()))).as(module).isTrue();
        }
        assertThat(compose.services().get("redis").image()).isEqualTo(StackServices.REDIS_IMAGE);
        assertThat(compose.services().get("postgres").image()).isEqualTo(StackServices.POSTGRES_IMAGE);
    }

    @Test
    void everyVariableIsReadAndEveryRequiredOneIsSet() {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> problems.addAll(EnvCheck.problems(
                "docker-compose.yml " + name, specs.get(name), environment(service).keySet())));
        assertThat(problems).isEmpty();
    }

    @Test
    void healthchecksAndPortsAreTheServicesOwn() {
        for (String module : StackServices.MODULES) {
            ComposeFile.Service service = compose.services().get(module);
            var http = specs.get(module).http();
            assertThat(service.healthcheck().test()).as(module)
                    .contains("http://127.0.0.1:" + http.port() + http.readinessPath());
            if (service.ports() != null) {
                assertThat(service.ports()).as(module).allMatch(p -> p.endsWith(":" + http.port()));
            }
        }
    }

    @Test
    void aServiceThatNamesAnotherWaitsForItsHealth() {
        compose.services().forEach((name, service) -> environment(service).values().forEach(value ->
                compose.services().keySet().stream().filter(other -> HostReference.names(value, other)).forEach(other ->
                        assertThat(service.dependsOn()).as(name + " uses " + other).isNotNull()
                                .extractingByKey(other).isNotNull()
                                .extracting(ComposeFile.Dependency::condition).isEqualTo("service_healthy"))));
    }

    @Test
    void twoWorkersWithoutAFixedHostPortAndTimeToFinishTheirJob() {
        ComposeFile.Service worker = compose.services().get("queue-worker");
        assertThat(worker.deploy().replicas()).isEqualTo(2);
        assertThat(worker.ports()).isNull();
        Duration stop = Duration.parse("PT" + worker.stopGracePeriod().toUpperCase());
        // the jobs in hand may finish, then Quarkus closes Redis and the datasource
        assertThat(stop).isGreaterThanOrEqualTo(
                Duration.ofSeconds(WorkerShutdown.graceSeconds(environment(worker)) + SHUTDOWN_MARGIN_SECONDS));
    }

    @Test
    void postgresKeepsItsDataInAVolumeAndTheServicesUseItsCredentials() {
        ComposeFile.Service postgres = compose.services().get("postgres");
        assertThat(postgres.volumes()).anyMatch(v -> v.matches("[a-z-]+:/var/lib/postgresql/data"));
        Map<String, String> db = postgres.environment();
        for (String module : List.of("api-service", "queue-worker")) {
            Map<String, String> env = environment(compose.services().get(module));
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as(module).endsWith("/" + db.get("POSTGRES_DB"));
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as(module).isEqualTo(db.get("POSTGRES_USER"));
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).as(module).isEqualTo(db.get("POSTGRES_PASSWORD"));
        }
    }

    @Test
    void producersWorkersAndEchoServerShareOneRedisPrefix() {
        for (String module : List.of("api-service", "queue-worker")) {
            String prefix = environment(compose.services().get(module))
                    .getOrDefault("ECHO_REDIS_PREFIX", StackServices.defaultRedisPrefix(module));
            assertThat(prefix).as(module).isEqualTo(EchoServerReader.redisPrefix());
        }
    }

    private static Map<String, String> environment(ComposeFile.Service service) {
        return service.environment() == null ? Map.of() : service.environment();
    }
}
