package io.echostack.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.echostack.deploy.StrictYaml;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes YAML into fabric8's model classes and refuses what the API server would reject or silently drop:
 * duplicate keys, wrong types (Jackson), kinds fabric8 does not know, and fields a model class does not have (fabric8
 * keeps those in {@code additionalProperties}; they are walked for and reported with their path).
 */
public final class StrictManifestReader {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrictManifestReader() {
    }

    /** Every document of {@code yaml}; {@code source} names it in errors. */
    public static List<HasMetadata> read(String source, String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = StrictYaml.mapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                String where = source + " " + document.path("kind").asText() + "/"
                        + document.path("metadata").path("name").asText();
                HasMetadata object = unmarshal(where, document);
                List<String> problems = unknownFields(where, object);
                if (!problems.isEmpty()) {
                    throw new IOException(String.join("\n", problems));
                }
                objects.add(object);
            }
        }
        return objects;
    }

    private static HasMetadata unmarshal(String where, JsonNode document) throws IOException {
        try {
            return SERIALIZATION.unmarshal(document.toString());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IOException(where + ": " + cause.getMessage(), e);
        }
    }

    static List<String> unknownFields(String where, HasMetadata object) {
        List<String> problems = new ArrayList<>();
        if (object instanceof GenericKubernetesResource) {
            problems.add(where + ": unknown apiVersion/kind " + object.getApiVersion() + "/" + object.getKind());
            return problems;
        }
        walk(where, object, problems);
        return problems;
    }

    private static void walk(String path, Object value, List<String> problems) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(path + "[" + i++ + "]", item, problems);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(path + "." + key, item, problems));
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            walkModel(path, value, problems);
        }
    }

    private static void walkModel(String path, Object model, List<String> problems) {
        for (Class<?> type = model.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object value = read(field, model);
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + unknown.keySet());
                    }
                } else {
                    walk(path + "." + field.getName(), value, problems);
                }
            }
        }
    }

    private static Object read(Field field, Object model) {
        try {
            field.setAccessible(true);
            return field.get(model);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
