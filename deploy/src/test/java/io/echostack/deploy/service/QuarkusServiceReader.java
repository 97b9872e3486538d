package io.echostack.deploy.service;

import io.echostack.deploy.RepoFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Quarkus service's {@link ServiceSpec} from its {@code application.properties}: Quarkus reads each key also from
 * the environment ({@code quarkus.datasource.jdbc.url} ⇐ {@code QUARKUS_DATASOURCE_JDBC_URL}); a key whose default
 * points at the loopback interface, and the datasource credentials, must be set by a deployment.
 */
public final class QuarkusServiceReader {
    private QuarkusServiceReader() {
    }

    public static ServiceSpec read(String module) {
        Properties properties = load(module + "/src/main/resources/application.properties");
        Set<String> readEnv = new TreeSet<>(JvmEnvironment.VARIABLES);
        Set<String> requiredEnv = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String name = toEnv(withoutProfile(key));
            readEnv.add(name);
            String value = properties.getProperty(key);
            boolean loopback = value.contains("127.0.0.1") || value.contains("localhost");
            boolean credential = key.startsWith("quarkus.datasource.")
                    && (key.endsWith(".username") || key.endsWith(".password"));
            if (!key.startsWith("%") && (loopback || credential)) {
                requiredEnv.add(name);
            }
        }
        int port = Integer.parseInt(properties.getProperty("quarkus.http.port", "8080"));
        String root = "/" + properties.getProperty("quarkus.http.non-application-root-path", "q");
        String health = root + "/" + properties.getProperty("quarkus.smallrye-health.root-path", "health");
        boolean prometheus = RepoFiles.read(module + "/pom.xml").contains("quarkus-micrometer-registry-prometheus");
        return new ServiceSpec(module, StackServices.image(module), readEnv, requiredEnv,
                new Http(port, health + "/ready", health + "/live", prometheus ? root + "/metrics" : null));
    }

    /** The value of {@code key} in the module's application.properties, or null. */
    public static String property(String module, String key) {
        return load(module + "/src/main/resources/application.properties").getProperty(key);
    }

    /** SmallRye Config's environment name of a property: upper case, every other character an underscore. */
    static String toEnv(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    private static Properties load(String relative) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(RepoFiles.read(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
