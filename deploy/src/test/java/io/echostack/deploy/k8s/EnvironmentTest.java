package io.echostack.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.echostack.deploy.service.EchoServerReader;
import io.echostack.deploy.service.EnvCheck;
import io.echostack.deploy.service.ServiceSpec;
import io.echostack.deploy.service.StackServices;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What each container is told: only variables it reads, all it needs, and addresses that lead somewhere. */
class EnvironmentTest {
    private static Manifests manifests;
    private static Map<String, ServiceSpec> specs;

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
        specs = StackServices.all();
    }

    @Test
    void everyVariableIsReadAndEveryRequiredOneIsSet() {
        List<String> problems = new ArrayList<>();
        for (Workloads.Workload workload : Workloads.all(manifests)) {
            ServiceSpec spec = specs.get(workload.name());
            assertThat(spec).as("a known service: " + workload.name()).isNotNull();
            for (Container container : workload.containers()) {
                ContainerEnv env = ContainerEnv.of(manifests, container);
                problems.addAll(env.problems());
                problems.addAll(EnvCheck.problems(workload.kind() + "/" + workload.name(), spec, env.values().keySet()));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void redisAddressesLeadToTheRedisStatefulSet() {
        for (String module : List.of("api-service", "queue-worker")) {
            URI redis = URI.create(env(module).get("QUARKUS_REDIS_HOSTS"));
            assertReaches(module, redis.getHost(), redis.getPort(), "redis");
        }
        Map<String, String> echo = env("echo-server");
        assertReaches("echo-server", echo.get("LARAVEL_ECHO_SERVER_REDIS_HOST"),
                Integer.parseInt(echo.getOrDefault("LARAVEL_ECHO_SERVER_REDIS_PORT", "6379")), "redis");
    }

    @Test
    void echoServerAuthorisesChannelsAtApiService() {
        URI auth = URI.create(env("echo-server").get("LARAVEL_ECHO_SERVER_AUTH_HOST"));
        assertReaches("echo-server", auth.getHost(), auth.getPort(), "api-service");
    }

    @Test
    void theDatabaseIsPostgresWithItsOwnCredentials() {
        Map<String, String> postgres = env("postgres");
        for (String module : List.of("api-service", "queue-worker")) {
            Map<String, String> env = env(module);
            URI jdbc = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
            assertReaches(module, jdbc.getHost(), jdbc.getPort(), "postgres");
            assertThat(jdbc.getPath()).as(module).isEqualTo("/" + postgres.get("POSTGRES_DB"));
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as(module).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).as(module).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        }
    }

    @Test
    void producersWorkersAndEchoServerShareOneRedisPrefix() {
        for (String module : List.of("api-service", "queue-worker")) {
            assertThat(env(module).getOrDefault("ECHO_REDIS_PREFIX", StackServices.defaultRedisPrefix(module)))
                    .as(module).isEqualTo(EchoServerReader.redisPrefix());
        }
    }

    @Test
    void echoServerGetsTheImagesConfigFileWhereTheImageReadsIt() throws Exception {
        ConfigMap config = manifests.get(ConfigMap.class, "echo-server-config");
        assertThat(new ObjectMapper().readTree(config.getData().get("laravel-echo-server.json")))
                .isEqualTo(EchoServerReader.imageConfig());
        Container echo = Workloads.all(manifests).stream().filter(w -> w.name().equals("echo-server"))
                .findFirst().orElseThrow().containers().get(0);
        assertThat(echo.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/app/config"));
        // TLS ends at the Ingress; the HTTP probes need plain HTTP
        assertThat(EchoServerReader.imageConfig().path("protocol").asText("http")).isEqualTo("http");
        assertThat(env("echo-server").getOrDefault("LARAVEL_ECHO_SERVER_PROTO", "http")).isEqualTo("http");
    }

    @Test
    void secretsHoldPlaceholdersOnly() {
        for (Secret secret : manifests.all(Secret.class)) {
            ContainerEnv.data(secret).forEach((key, value) -> {
                if (key.toLowerCase().contains("password")) {
                    assertThat(value).as(secret.getMetadata().getName() + "." + key).isEqualTo("CHANGE_ME");
                }
            });
        }
    }

    private static void assertReaches(String who, String host, int port, String workload) {
        Service service = manifests.find(Service.class, host).orElseThrow(
                () -> new AssertionError(who + ": no Service named " + host));
        assertThat(service.getSpec().getPorts()).as(who + " → " + host).extracting(ServicePort::getPort).contains(port);
        Map<String, String> labels = Workloads.all(manifests).stream().filter(w -> w.name().equals(workload))
                .findFirst().orElseThrow().labels();
        assertThat(Workloads.selects(service.getSpec().getSelector(), labels)).as(who + " → " + workload).isTrue();
    }

    private static Map<String, String> env(String workload) {
        Workloads.Workload found = Workloads.all(manifests).stream().filter(w -> w.name().equals(workload))
                .findFirst().orElseThrow();
        return ContainerEnv.of(manifests, found.containers().get(0)).values();
    }
}
