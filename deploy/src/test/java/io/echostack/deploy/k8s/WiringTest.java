package io.echostack.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Services, Ingresses, autoscalers and disruption budgets point at things that exist, on ports that are served. */
class WiringTest {
    /** echo-server's default heartbeat: pingInterval 25 s + pingTimeout 60 s; a proxy must keep idle sockets longer. */
    private static final int SOCKET_IDLE_SECONDS = 85;
    private static Manifests manifests;
    private static List<Workloads.Workload> workloads;

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
        workloads = Workloads.all(manifests);
    }

    @Test
    void everyServiceSelectsAWorkloadAndTargetsAPortItServes() {
        for (Service service : manifests.all(Service.class)) {
            String name = service.getMetadata().getName();
            Workloads.Workload workload = workloads.stream()
                    .filter(w -> Workloads.selects(service.getSpec().getSelector(), w.labels())).findFirst()
                    .orElseThrow(() -> new AssertionError("Service " + name + " selects no Deployment/StatefulSet"));
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
                assertThat(workload.containers()).as("Service " + name + " → " + target)
                        .anyMatch(container -> Workloads.resolvePort(container, target).isPresent());
            }
        }
    }

    @Test
    void statefulSetsHaveTheirHeadlessService() {
        for (StatefulSet set : manifests.all(StatefulSet.class)) {
            Service service = manifests.get(Service.class, set.getSpec().getServiceName());
            assertThat(service.getSpec().getClusterIP()).as(set.getMetadata().getName()).isEqualTo("None");
        }
    }

    @Test
    void ingressBackendsExist() {
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressServiceBackend backend = path.getBackend().getService();
                    Service service = manifests.get(Service.class, backend.getName());
                    assertThat(service.getSpec().getPorts()).as(ingress.getMetadata().getName() + " " + path.getPath())
                            .anyMatch(p -> backend.getPort().getName() != null
                                    ? backend.getPort().getName().equals(p.getName())
                                    : backend.getPort().getNumber().equals(p.getPort()));
                }
            }
        }
    }

    @Test
    void socketIoGoesToEchoServerWithCookieAffinityAndLongTimeouts() {
        Ingress echo = manifests.all(Ingress.class).stream().filter(i -> i.getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream())
                .anyMatch(p -> p.getPath().equals("/socket.io"))).findFirst().orElseThrow();
        assertThat(echo.getSpec().getRules()).flatMap(r -> r.getHttp().getPaths())
                .allMatch(p -> p.getBackend().getService().getName().equals("echo-server"));
        Map<String, String> annotations = echo.getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsKey("nginx.ingress.kubernetes.io/session-cookie-name");
        for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
            assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/" + timeout))).as(timeout)
                    .isGreaterThan(SOCKET_IDLE_SECONDS);
        }
    }

    @Test
    void autoscalersScaleWorkerAndEchoServerFromTheirCpuRequests() {
        assertThat(manifests.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("queue-worker", "echo-server");
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            Workloads.Workload workload = Workloads.named(manifests, target.getName());
            assertThat(target.getKind()).isEqualTo(workload.kind());
            assertThat(target.getApiVersion()).isEqualTo("apps/v1");
            assertThat(hpa.getSpec().getMinReplicas()).as(target.getName())
                    .isEqualTo(workload.replicas()).isLessThan(hpa.getSpec().getMaxReplicas());
            for (Container container : workload.containers()) {
                assertThat(container.getResources().getRequests()).as(target.getName()).containsKey("cpu");
            }
        }
    }

    @Test
    void disruptionBudgetsSelectAWorkloadAndLeaveRoomToDrainANode() {
        assertThat(manifests.all(PodDisruptionBudget.class)).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("api-service", "queue-worker", "echo-server");
        for (PodDisruptionBudget pdb : manifests.all(PodDisruptionBudget.class)) {
            Workloads.Workload workload = workloads.stream()
                    .filter(w -> Workloads.selects(pdb.getSpec().getSelector(), w.labels())).findFirst()
                    .orElseThrow(() -> new AssertionError("PDB " + pdb.getMetadata().getName() + " selects nothing"));
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).as(pdb.getMetadata().getName())
                    .isLessThan(workload.replicas());
        }
    }
}
