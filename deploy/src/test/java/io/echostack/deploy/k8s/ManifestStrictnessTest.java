package io.echostack.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reader rejects what it promises to reject. */
class ManifestStrictnessTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
            spec:
              replicas: %s
              selector:
                matchLabels: {app: app}
              template:
                metadata:
                  labels: {app: app}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      %s: [{containerPort: 80}]
            """;

    @Test
    void unknownFieldFailsWithItsPath() {
        assertThatThrownBy(() -> StrictManifestReader.read("test", DEPLOYMENT.formatted("1", "portz")))
                .hasMessageContaining("containers[0]").hasMessageContaining("portz");
    }

    @Test
    void wrongTypeFails() {
        assertThatThrownBy(() -> StrictManifestReader.read("test", DEPLOYMENT.formatted("two", "ports")))
                .hasMessageContaining("two");
    }

    @Test
    void unknownKindFails() {
        assertThatThrownBy(() -> StrictManifestReader.read("test", "apiVersion: v1\nkind: Servise\nmetadata: {name: x}\n"))
                .hasMessageContaining("Servise");
    }

    @Test
    void duplicateKeyFails() {
        assertThatThrownBy(() -> StrictManifestReader.read("test",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {A: a}\ndata: {B: b}\n"))
                .hasMessageContaining("data");
    }
}
