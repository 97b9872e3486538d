package io.echostack.testsupport.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm project {@code tools/node-clients} (real laravel-echo + socket.io-client builds behind npm aliases), found
 * by walking up from {@code user.dir}, or at {@code -Dechostack.node-clients=<dir>} / {@code ECHOSTACK_NODE_CLIENTS}.
 * {@link #directory()} runs {@code npm ci} first when {@code node_modules} is missing or older than
 * {@code package-lock.json}, under a file lock so parallel test JVMs install once.
 */
public final class NodeClientsProject {
    static final String RELATIVE = "tools/node-clients";
    private static Path installed;

    private NodeClientsProject() {
    }

    /** The installed project directory, ready to run {@code node echo-client.mjs}. */
    public static synchronized Path directory() {
        if (installed == null) {
            Path dir = locate();
            ensureInstalled(dir);
            installed = dir;
        }
        return installed;
    }

    static Path locate() {
        String configured = System.getProperty("echostack.node-clients", System.getenv("ECHOSTACK_NODE_CLIENTS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + RELATIVE + "/package.json above " + start
                + "; set -Dechostack.node-clients=<dir>");
    }

    private static void ensureInstalled(Path dir) {
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".npm-ci.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (upToDate(dir)) {
                return;
            }
            run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + dir, e);
        }
    }

    /** npm writes node_modules/.package-lock.json on every install; it is older than the lockfile after a change. */
    private static boolean upToDate(Path dir) throws IOException {
        Path marker = dir.resolve("node_modules/.package-lock.json");
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        FileTime lock = Files.getLastModifiedTime(dir.resolve("package-lock.json"));
        return Files.getLastModifiedTime(marker).compareTo(lock) >= 0;
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm-ci.log").toFile())
                .start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed in " + dir
                        + "; see " + dir.resolve("npm-ci.log"));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + command, e);
        }
    }
}
