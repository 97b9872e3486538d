package io.echostack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository under test (surefire passes its root as {@code echostack.repo}) and the version images carry. */
public final class RepoFiles {
    private RepoFiles() {
    }

    public static Path root() {
        String root = System.getProperty("echostack.repo");
        if (root == null) {
            throw new IllegalStateException("system property echostack.repo is not set (run through Maven)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String projectVersion() {
        String version = System.getProperty("echostack.version");
        if (version == null) {
            throw new IllegalStateException("system property echostack.version is not set (run through Maven)");
        }
        return version;
    }
}
