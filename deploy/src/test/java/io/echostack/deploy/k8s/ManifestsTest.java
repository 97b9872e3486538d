package io.echostack.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.echostack.deploy.Commands;
import io.echostack.deploy.RepoFiles;
import io.echostack.deploy.StrictYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every manifest parses strictly, and kustomization.yaml applies exactly them into the stack's namespace. */
class ManifestsTest {
    private static Manifests manifests;

    /** The keys kustomization.yaml uses, read strictly. */
    record Kustomization(String apiVersion, String kind, String namespace, List<String> resources, List<Image> images) {
    }

    /** An image override (docs/deploy.md: pointing the manifests at a registry). */
    record Image(String name, String newName, String newTag) {
    }

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
    }

    @Test
    void everyObjectBelongsToTheStack() {
        assertThat(manifests.objects()).isNotEmpty().allSatisfy(object -> {
            assertThat(object.getMetadata().getLabels()).as(describe(object))
                    .containsEntry("app.kubernetes.io/part-of", "echo-stack");
            assertThat(object.getMetadata().getNamespace()).as(describe(object) + ": kustomization.yaml sets it")
                    .isNull();
        });
        assertThat(manifests.objects().stream().map(ManifestsTest::describe)).doesNotHaveDuplicates();
    }

    @Test
    void kustomizationListsEveryManifestInTheStacksNamespace() throws Exception {
        Kustomization kustomization = StrictYaml.mapper().readValue(
                RepoFiles.read(Manifests.DIR + "/" + Manifests.KUSTOMIZATION), Kustomization.class);
        assertThat(kustomization.kind()).isEqualTo("Kustomization");
        assertThat(kustomization.resources()).containsExactlyInAnyOrderElementsOf(manifests.files());
        List<String> repositories = Workloads.all(manifests).stream().flatMap(w -> w.containers().stream())
                .map(c -> c.getImage().replaceFirst(":[^:/]+$", "")).toList();
        if (kustomization.images() != null) {
            assertThat(kustomization.images()).extracting(Image::name).allMatch(repositories::contains);
        }
        assertThat(manifests.all(Namespace.class)).singleElement()
                .extracting(n -> n.getMetadata().getName()).isEqualTo(kustomization.namespace());
    }

    @Test
    void kubectlRendersTheKustomizationWhereInstalled() throws Exception {
        assumeTrue(Commands.run(List.of("kubectl", "version", "--client")).exitCode() == 0, "kubectl is not installed");
        Commands.Result rendered = Commands.run(List.of("kubectl", "kustomize", Manifests.DIR));
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        List<HasMetadata> objects = StrictManifestReader.read("kubectl kustomize", rendered.output());
        assertThat(objects).hasSameSizeAs(manifests.objects()).allSatisfy(object -> {
            if (!(object instanceof Namespace)) {
                assertThat(object.getMetadata().getNamespace()).as(describe(object)).isEqualTo("echo-stack");
            }
        });
    }

    static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
