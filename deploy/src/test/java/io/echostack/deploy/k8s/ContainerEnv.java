package io.echostack.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a container gets: its {@code env} and every key of its {@code envFrom} ConfigMaps and Secrets,
 * with {@code valueFrom} references resolved against the manifests. References that do not resolve are problems.
 * A downward-API value ({@code fieldRef}) is known only in the cluster: it reads {@code $(fieldRef:<path>)}.
 */
public record ContainerEnv(Map<String, String> values, List<String> problems) {

    public static ContainerEnv of(Manifests manifests, Container container) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String where = "container " + container.getName();
        for (EnvFromSource from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                manifests.find(ConfigMap.class, name).ifPresentOrElse(map -> values.putAll(map.getData()),
                        () -> problems.add(where + ": envFrom ConfigMap " + name + " does not exist"));
            }
            if (from.getSecretRef() != null) {
                String name = from.getSecretRef().getName();
                manifests.find(Secret.class, name).ifPresentOrElse(secret -> values.putAll(data(secret)),
                        () -> problems.add(where + ": envFrom Secret " + name + " does not exist"));
            }
        }
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            resolve(manifests, where, variable, problems).ifPresent(value -> values.put(variable.getName(), value));
        }
        return new ContainerEnv(values, problems);
    }

    private static Optional<String> resolve(Manifests manifests, String where, EnvVar variable, List<String> problems) {
        if (variable.getValueFrom() == null) {
            return Optional.of(variable.getValue() == null ? "" : variable.getValue());
        }
        if (variable.getValueFrom().getFieldRef() != null) {
            return Optional.of("$(fieldRef:" + variable.getValueFrom().getFieldRef().getFieldPath() + ")");
        }
        var secretRef = variable.getValueFrom().getSecretKeyRef();
        var configRef = variable.getValueFrom().getConfigMapKeyRef();
        Optional<String> value = Optional.empty();
        if (secretRef != null) {
            value = manifests.find(Secret.class, secretRef.getName()).map(s -> data(s).get(secretRef.getKey()));
        } else if (configRef != null) {
            value = manifests.find(ConfigMap.class, configRef.getName()).map(m -> m.getData().get(configRef.getKey()));
        }
        if (value.isEmpty()) {
            problems.add(where + ": " + variable.getName() + " refers to a Secret/ConfigMap key that does not exist");
        }
        return value;
    }

    /** A Secret's values: stringData as written, data decoded from base64. */
    public static Map<String, String> data(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>();
        Optional.ofNullable(secret.getData()).orElse(Map.of()).forEach((key, value) ->
                data.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        data.putAll(Optional.ofNullable(secret.getStringData()).orElse(Map.of()));
        return data;
    }
}
