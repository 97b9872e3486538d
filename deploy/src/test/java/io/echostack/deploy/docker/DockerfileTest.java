package io.echostack.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.deploy.RepoFiles;
import io.echostack.deploy.service.EchoServerReader;
import io.echostack.deploy.service.Http;
import io.echostack.deploy.service.StackServices;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Dockerfile: non-root, health-checked on its real endpoint, container-aware JVM, right artifacts. */
class DockerfileTest {

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void namesItsImageAfterItsModule(String module) {
        assertThat(dockerfile(module).label("org.opencontainers.image.title")).isEqualTo("echostack/" + module);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void runsAsANonRootUser(String module) {
        String user = dockerfile(module).last("USER");
        assertThat(user).as(module + " USER").matches("\\d+:\\d+");
        assertThat(dockerfile(module).uid()).as(module + " uid").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void healthCheckAndPortAreTheServicesOwn(String module) {
        Dockerfile dockerfile = dockerfile(module);
        Http http = StackServices.all().get(module).http();
        assertThat(dockerfile.all("EXPOSE")).as(module).containsExactly(String.valueOf(http.port()));
        String healthcheck = dockerfile.last("HEALTHCHECK");
        assertThat(healthcheck).as(module).contains(" CMD ");
        List<String> command = Dockerfile.execForm(healthcheck.substring(healthcheck.indexOf(" CMD ") + 5));
        assertThat(command).as(module).startsWith("curl", "-fsS")
                .contains("http://127.0.0.1:" + http.port() + http.readinessPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void javaIsPidOneWithContainerMemorySettings(String module) {
        List<String> entrypoint = Dockerfile.execForm(dockerfile(module).last("ENTRYPOINT"));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).as(module).contains("-XX:+ExitOnOutOfMemoryError", "-jar")
                .anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="));
        assertThat(dockerfile(module).all("CMD")).as("no shell-form CMD").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker"})
    void quarkusServicesCopyTheFastJarLayout(String module) {
        Dockerfile dockerfile = dockerfile(module);
        String app = module + "/target/quarkus-app/";
        assertThat(dockerfile.contextSources())
                .containsExactlyInAnyOrder(app + "lib/", app + "*.jar", app + "app/", app + "quarkus/");
        assertThat(Dockerfile.execForm(dockerfile.last("ENTRYPOINT"))).endsWith("-jar", "/deployments/quarkus-run.jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker"})
    void quarkusServicesAreNotPackagedOtherwise(String module) {
        assertThat(RepoFiles.read(module + "/src/main/resources/application.properties"))
                .doesNotContain("quarkus.package.jar.type");
    }

    @Test
    void echoServerCopiesItsShadedJarAndTheImageConfig() {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(RepoFiles.read("echo-server/pom.xml"));
        assertThat(finalName.find()).as("echo-server/pom.xml names its shaded jar").isTrue();
        Dockerfile dockerfile = dockerfile("echo-server");
        assertThat(dockerfile.contextSources()).containsExactlyInAnyOrder(
                "echo-server/target/" + finalName.group(1) + ".jar", EchoServerReader.IMAGE_CONFIG);
        assertThat(dockerfile.all("COPY")).contains(EchoServerReader.IMAGE_CONFIG + " /app/config/laravel-echo-server.json");
        assertThat(Dockerfile.execForm(dockerfile.last("ENTRYPOINT"))).endsWith("start", "--dir", "/app/config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "queue-worker", "echo-server"})
    void theBuildContextSendsWhatTheDockerfileCopies(String module) {
        DockerIgnore ignore = DockerIgnore.parse(RepoFiles.read(".dockerignore"));
        for (String source : dockerfile(module).contextSources()) {
            assertThat(ignore.sends(source.replace("*", "any"))).as(module + " COPY " + source).isTrue();
        }
    }

    @Test
    void theBuildContextLeavesSourcesAndDependenciesOut() {
        DockerIgnore ignore = DockerIgnore.parse(RepoFiles.read(".dockerignore"));
        assertThat(List.of(".git/config", "api-service/src/main/java/A.java", "tools/node-clients/node_modules/x/y.js",
                "echo-server/target/original-echo-server.jar", "queue-worker/target/classes/A.class"))
                .noneMatch(ignore::sends);
    }

    private static Dockerfile dockerfile(String module) {
        return Dockerfile.of(module);
    }
}
