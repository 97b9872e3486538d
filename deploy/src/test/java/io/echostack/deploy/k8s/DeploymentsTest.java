package io.echostack.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.deploy.docker.Dockerfile;
import io.echostack.deploy.service.EchoServerReader;
import io.echostack.deploy.service.Http;
import io.echostack.deploy.service.ServiceSpec;
import io.echostack.deploy.service.StackServices;
import io.echostack.deploy.service.WorkerShutdown;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The services' workloads run the built images as the services expect: probes, resources, security, shutdown. */
class DeploymentsTest {
    /** Time after the process's own grace for the rest of a JVM shutdown. */
    private static final int SHUTDOWN_MARGIN_SECONDS = 10;
    private static Manifests manifests;
    private static Map<String, ServiceSpec> specs;

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
        specs = StackServices.all();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void runsTheImageTheBuildDescribes(String module) {
        Workloads.Workload workload = Workloads.named(manifests, module);
        assertThat(workload.selector().getMatchLabels()).as(module).isNotEmpty();
        assertThat(Workloads.selects(workload.selector(), workload.labels()))
                .as(module + " selector selects its own pods").isTrue();
        assertThat(container(module).getImage()).isEqualTo(StackServices.image(module));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void probesAskTheServicesRealHealthEndpoints(String module) {
        Container container = container(module);
        Http http = specs.get(module).http();
        assertProbe(module + " readiness", container, container.getReadinessProbe(), http.port(), http.readinessPath());
        assertProbe(module + " liveness", container, container.getLivenessProbe(), http.port(), http.livenessPath());
        if (container.getStartupProbe() != null) {
            assertProbe(module + " startup", container, container.getStartupProbe(), http.port(), http.livenessPath());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void prometheusScrapesWhatTheServiceServes(String module) {
        Map<String, String> annotations = Workloads.named(manifests, module).template().getMetadata().getAnnotations();
        if (annotations == null || !annotations.containsKey("prometheus.io/scrape")) {
            return;
        }
        Http http = specs.get(module).http();
        assertThat(http.metricsPath()).as(module + " serves the metrics it is scraped for").isNotNull();
        assertThat(annotations).as(module).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(http.port()))
                .containsEntry("prometheus.io/path", http.metricsPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server", "redis", "postgres"})
    void everyContainerHasRequestsWithinLimits(String name) {
        for (Container container : podSpec(name).getContainers()) {
            ResourceRequirements resources = container.getResources();
            assertThat(resources).as(name).isNotNull();
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = resources.getRequests().get(resource);
                Quantity limit = resources.getLimits().get(resource);
                assertThat(request).as(name + " requests " + resource).isNotNull();
                assertThat(limit).as(name + " limits " + resource).isNotNull();
                assertThat(request.getNumericalAmount()).as(name + " " + resource + " request ≤ limit")
                        .isLessThanOrEqualTo(limit.getNumericalAmount());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server", "redis", "postgres"})
    void runsAsNonRootOnAReadOnlyRootFilesystem(String name) {
        PodSpec pod = podSpec(name);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).as(name + " needs no API access").isFalse();
        for (Container container : pod.getContainers()) {
            var security = container.getSecurityContext();
            assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(container.getReadinessProbe()).as(name + " readiness").isNotNull();
            assertThat(container.getLivenessProbe()).as(name + " liveness").isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void runsAsTheImagesUserWithAWritableTmp(String module) {
        PodSpec pod = podSpec(module);
        assertThat(pod.getSecurityContext().getRunAsUser()).as(module).isEqualTo(Dockerfile.of(module).uid());
        assertThat(container(module).getVolumeMounts()).as(module + ": the JVM and Vert.x write to /tmp")
                .anyMatch(mount -> mount.getMountPath().equals("/tmp")
                        && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(mount.getName()) && v.getEmptyDir() != null));
    }

    @Test
    void workerGraceCoversTheJobsInHand() {
        Map<String, String> env = ContainerEnv.of(manifests, container("queue-worker")).values();
        assertThat(podSpec("queue-worker").getTerminationGracePeriodSeconds())
                .isGreaterThanOrEqualTo((long) WorkerShutdown.graceSeconds(env) + SHUTDOWN_MARGIN_SECONDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "echo-server"})
    void servicesTakingTrafficLeaveTheLoadBalancerBeforeTheyStop(String module) {
        List<String> preStop = container(module).getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop).as(module).hasSize(2).first().isEqualTo("sleep");
        long drain = Long.parseLong(preStop.get(1));
        assertThat(drain).as(module + ": endpoints need seconds to drop the pod").isGreaterThanOrEqualTo(5);
        assertThat(podSpec(module).getTerminationGracePeriodSeconds()).as(module)
                .isGreaterThanOrEqualTo(drain + SHUTDOWN_MARGIN_SECONDS);
    }

    /**
     * echo-server names its presence members in Redis after {@code presenceInstanceId}, by default its {@code host}
     * and port, and purges that id's members at start: every replica needs its own id, the same across restarts. A
     * StatefulSet's pod name is both; the listen host is set to it (the name resolves to the pod's IP).
     */
    @Test
    void echoServerReplicasHaveTheirOwnStablePresenceId() {
        Workloads.Workload echo = Workloads.named(manifests, "echo-server");
        assertThat(echo.kind()).isEqualTo("StatefulSet");
        assertThat(EchoServerReader.imageConfig().has("presenceInstanceId")).as("one id for all replicas").isFalse();
        assertThat(ContainerEnv.of(manifests, container("echo-server")).values())
                .containsEntry("LARAVEL_ECHO_SERVER_HOST", "$(fieldRef:metadata.name)");
    }

    @Test
    void redisAndPostgresKeepTheirDataOnVolumes() {
        for (String name : List.of("redis", "postgres")) {
            StatefulSet set = manifests.get(StatefulSet.class, name);
            assertThat(set.getSpec().getVolumeClaimTemplates()).as(name).isNotEmpty();
            assertThat(set.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo(specs.get(name).image());
        }
    }

    private static void assertProbe(String what, Container container, Probe probe, int port, String path) {
        assertThat(probe).as(what).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(what + " is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(what + " path").isEqualTo(path);
        assertThat(Workloads.resolvePort(container, get.getPort())).as(what + " port").contains(port);
    }

    private static Container container(String module) {
        List<Container> containers = podSpec(module).getContainers();
        assertThat(containers).as(module).hasSize(1);
        return containers.get(0);
    }

    private static PodSpec podSpec(String name) {
        return Workloads.named(manifests, name).template().getSpec();
    }
}
