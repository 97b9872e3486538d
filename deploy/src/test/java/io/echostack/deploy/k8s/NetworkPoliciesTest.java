package io.echostack.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.deploy.service.HostReference;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ingress is denied by default; Redis and PostgreSQL are reachable from exactly the services whose configuration
 * names them; the services' HTTP ports are open.
 */
class NetworkPoliciesTest {
    private static Manifests manifests;
    private static List<Workloads.Workload> workloads;

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
        workloads = Workloads.all(manifests);
    }

    @Test
    void ingressIsDeniedUnlessAllowed() {
        assertThat(manifests.all(NetworkPolicy.class)).anyMatch(p -> Workloads.selects(p.getSpec().getPodSelector(), Map.of())
                && p.getSpec().getPolicyTypes().contains("Ingress")
                && Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).isEmpty());
    }

    @Test
    void everyPolicySelectsPods() {
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            assertThat(workloads).as(policy.getMetadata().getName())
                    .anyMatch(w -> Workloads.selects(policy.getSpec().getPodSelector(), w.labels()));
        }
    }

    @Test
    void redisAndPostgresAcceptOnlyTheServicesThatUseThem() {
        for (String store : List.of("redis", "postgres")) {
            Set<String> users = workloads.stream().filter(w -> !w.name().equals(store) && names(w, store))
                    .map(Workloads.Workload::name).collect(Collectors.toSet());
            assertThat(users).as("services configured with " + store).isNotEmpty();
            assertThat(allowedSources(workload(store))).as("who may reach " + store).isEqualTo(users);
        }
    }

    @Test
    void servicesHttpPortsAreOpen() {
        for (String service : List.of("api-service", "echo-server", "queue-worker")) {
            Workloads.Workload target = workload(service);
            assertThat(allowedSources(target)).as("who may reach " + service)
                    .containsAll(workloads.stream().map(Workloads.Workload::name).toList());
        }
    }

    /** The workloads some policy lets reach one of {@code target}'s container ports. */
    private static Set<String> allowedSources(Workloads.Workload target) {
        return workloads.stream().filter(source -> manifests.all(NetworkPolicy.class).stream()
                        .filter(p -> Workloads.selects(p.getSpec().getPodSelector(), target.labels()))
                        .flatMap(p -> Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream())
                        .anyMatch(rule -> admits(rule, source) && servesAPort(rule, target)))
                .map(Workloads.Workload::name).collect(Collectors.toSet());
    }

    private static boolean admits(NetworkPolicyIngressRule rule, Workloads.Workload source) {
        List<NetworkPolicyPeer> from = Optional.ofNullable(rule.getFrom()).orElse(List.of());
        return from.isEmpty() || from.stream().anyMatch(peer -> peer.getPodSelector() != null
                && peer.getNamespaceSelector() == null && Workloads.selects(peer.getPodSelector(), source.labels()));
    }

    private static boolean servesAPort(NetworkPolicyIngressRule rule, Workloads.Workload target) {
        List<NetworkPolicyPort> ports = Optional.ofNullable(rule.getPorts()).orElse(List.of());
        return ports.isEmpty() || ports.stream().map(NetworkPolicyPort::getPort).anyMatch((IntOrString port) ->
                target.containers().stream().anyMatch(c -> Workloads.resolvePort(c, port).isPresent()));
    }

    /** Whether a workload's environment names {@code host}. */
    private static boolean names(Workloads.Workload workload, String host) {
        return workload.containers().stream().flatMap(c -> ContainerEnv.of(manifests, c).values().values().stream())
                .anyMatch(value -> HostReference.names(value, host));
    }

    private static Workloads.Workload workload(String name) {
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }
}
