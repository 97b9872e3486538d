package io.echostack.echo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.echostack.events.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * laravel-echo-server's lock file: beside the config, its name without a trailing {@code .json} plus {@code .lock}
 * ({@code laravel-echo-server.lock}), holding {@code {"process": <pid>}} of the running server.
 */
final class LockFile {
    private static final String CURRENT_USER =
            ProcessHandle.current().info().user().orElse(System.getProperty("user.name"));

    private final Path path;

    LockFile(Path configFile) {
        Path absolute = configFile.toAbsolutePath();
        String name = absolute.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        this.path = absolute.resolveSibling(base + ".lock");
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.exists(path);
    }

    /** The pid written in the lock, empty when it is not {@code {"process": <number>}}. */
    OptionalLong pid() throws IOException {
        try {
            JsonNode process = Json.mapper().readTree(Files.readString(path)).path("process");
            return process.canConvertToLong() ? OptionalLong.of(process.asLong()) : OptionalLong.empty();
        } catch (JsonProcessingException e) {
            return OptionalLong.empty();
        }
    }

    /** The process the lock names, if it is alive and this user may signal it. */
    Optional<ProcessHandle> liveProcess() throws IOException {
        OptionalLong pid = pid();
        return pid.isPresent()
                ? ProcessHandle.of(pid.getAsLong()).filter(process -> signalable(process, CURRENT_USER))
                : Optional.empty();
    }

    /**
     * What the reference's {@code kill(pid, 0)} answers: yes for a live process of the same user, or of anyone for
     * root; for another user's process it fails (EPERM) and the reference starts, as such a lock names a reused pid.
     * An owner Java cannot tell counts as the user's own, so the lock keeps protecting.
     */
    static boolean signalable(ProcessHandle process, String user) {
        if (!process.isAlive()) {
            return false;
        }
        Optional<String> owner = process.info().user();
        return "root".equals(user) || owner.isEmpty() || owner.get().equals(user);
    }

    void write(long pid) throws IOException {
        Files.writeString(path, "{\n\t\"process\": " + pid + "\n}");
    }

    void deleteQuietly() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // as the reference: a lock that cannot be removed is left
        }
    }
}
