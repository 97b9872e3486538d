package io.echostack.deploy.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pod templates of the manifests' Deployments and StatefulSets, and label selection over them. */
public final class Workloads {
    public record Workload(String kind, String name, Integer replicas, LabelSelector selector, PodTemplateSpec template) {
        public Map<String, String> labels() {
            return template.getMetadata().getLabels();
        }

        public List<Container> containers() {
            return template.getSpec().getContainers();
        }
    }

    private Workloads() {
    }

    public static List<Workload> all(Manifests manifests) {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            workloads.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getReplicas(),
                    d.getSpec().getSelector(), d.getSpec().getTemplate()));
        }
        for (StatefulSet s : manifests.all(StatefulSet.class)) {
            workloads.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getReplicas(),
                    s.getSpec().getSelector(), s.getSpec().getTemplate()));
        }
        return workloads;
    }

    public static Workload named(Manifests manifests, String name) {
        return all(manifests).stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + name));
    }

    /** Whether a Service-style selector (all pairs must match) selects these labels. */
    public static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** Whether a label selector (matchLabels and matchExpressions; empty selects all) selects these labels. */
    public static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> requirement.getValues().contains(value);
                case "NotIn" -> !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The container port a probe or Service names (by number or port name), if the container has it. */
    public static Optional<Integer> resolvePort(Container container, IntOrString port) {
        List<ContainerPort> ports = Optional.ofNullable(container.getPorts()).orElse(List.of());
        if (port.getIntVal() != null) {
            return ports.stream().map(ContainerPort::getContainerPort).filter(port.getIntVal()::equals).findFirst();
        }
        return ports.stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst();
    }
}
