package io.echostack.deploy.service;

import io.echostack.deploy.RepoFiles;
import io.echostack.deploy.docker.Dockerfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Every container of the stack, by name, as the deployment files must run it. */
public final class StackServices {
    /** Our services: their Dockerfiles live in their module folders. */
    public static final Set<String> MODULES = Set.of("api-service", "queue-worker", "echo-server");
    public static final String REDIS_IMAGE = "redis:7.4-alpine";
    public static final String POSTGRES_IMAGE = "postgres:16-alpine";

    private StackServices() {
    }

    /** The image the build describes for a module: its Dockerfile's title label, tagged with the project version. */
    public static String image(String module) {
        return Dockerfile.of(module).label("org.opencontainers.image.title") + ":" + RepoFiles.projectVersion();
    }

    public static Map<String, ServiceSpec> all() {
        Map<String, ServiceSpec> specs = new LinkedHashMap<>();
        specs.put("api-service", QuarkusServiceReader.read("api-service"));
        specs.put("queue-worker", QuarkusServiceReader.read("queue-worker"));
        specs.put("echo-server", EchoServerReader.read());
        specs.put("redis", new ServiceSpec("redis", REDIS_IMAGE, Set.of(), Set.of(), null));
        // The official image's documented variables; a password is mandatory for it to initialise.
        specs.put("postgres", new ServiceSpec("postgres", POSTGRES_IMAGE,
                Set.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "PGDATA"), Set.of("POSTGRES_PASSWORD"), null));
        return specs;
    }

    /** The Redis prefix a Quarkus service uses when ECHO_REDIS_PREFIX is not set. */
    public static String defaultRedisPrefix(String module) {
        return QuarkusServiceReader.property(module, "echo.redis.prefix");
    }
}
