package io.echostack.deploy.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Structural rules a parse cannot express: dependencies exist and wait for health, every service is checked. */
public final class ComposeRules {
    private static final Set<String> CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");

    private ComposeRules() {
    }

    public static List<String> problems(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        if (file.services() == null || file.services().isEmpty()) {
            return List.of("no services");
        }
        Map<String, ComposeFile.Volume> volumes = file.volumes() == null ? Map.of() : file.volumes();
        file.services().forEach((name, service) -> {
            if (service.image() == null && service.build() == null) {
                problems.add(name + ": neither image nor build");
            }
            if (service.healthcheck() == null || service.healthcheck().test() == null
                    || service.healthcheck().test().isEmpty()) {
                problems.add(name + ": no healthcheck");
            } else if (!Set.of("CMD", "CMD-SHELL").contains(service.healthcheck().test().get(0))) {
                problems.add(name + ": healthcheck test must start with CMD or CMD-SHELL");
            }
            if (service.dependsOn() != null) {
                service.dependsOn().forEach((target, dependency) -> {
                    if (!file.services().containsKey(target)) {
                        problems.add(name + ": depends_on unknown service " + target);
                    }
                    if (dependency == null || !CONDITIONS.contains(dependency.condition())) {
                        problems.add(name + ": depends_on " + target + " needs a condition of " + CONDITIONS);
                    }
                });
            }
            if (service.volumes() != null) {
                for (String mount : service.volumes()) {
                    String source = mount.split(":")[0];
                    boolean named = !source.startsWith(".") && !source.startsWith("/");
                    if (named && !volumes.containsKey(source)) {
                        problems.add(name + ": volume " + source + " is not declared under volumes");
                    }
                }
            }
        });
        return problems;
    }
}
