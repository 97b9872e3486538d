package io.echostack.deploy.service;

import java.util.Set;

/** Variables every JVM service reads besides its own configuration. */
final class JvmEnvironment {
    /** The JVM itself reads JAVA_TOOL_OPTIONS: the images' documented way to add JVM flags. */
    static final Set<String> VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private JvmEnvironment() {
    }
}
