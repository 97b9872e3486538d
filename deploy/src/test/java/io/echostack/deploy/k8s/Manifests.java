package io.echostack.deploy.k8s;

import io.echostack.deploy.RepoFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every object of every manifest in {@code k8s/} (kustomization.yaml aside), read strictly. */
public record Manifests(List<HasMetadata> objects, List<String> files) {
    public static final String DIR = "k8s";
    public static final String KUSTOMIZATION = "kustomization.yaml";

    public static Manifests load() {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(RepoFiles.path(DIR))) {
            for (Path path : paths.sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".yaml") && !name.equals(KUSTOMIZATION)) {
                    files.add(name);
                    objects.addAll(StrictManifestReader.read(DIR + "/" + name, Files.readString(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(List.copyOf(objects), List.copyOf(files));
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
