package io.echostack.echo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock blocks a start only when it names a live process the reference's {@code kill(pid, 0)} may signal: one of
 * the same user, or any for root. The user is injected, so the rule is tested whoever runs the tests.
 */
class LockFileTest {

    @Test
    void aLiveProcessOfAnotherUserDoesNotHoldTheLock() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            String owner = sleeper.info().user().orElseThrow();

            assertThat(LockFile.signalable(sleeper.toHandle(), owner)).isTrue();
            assertThat(LockFile.signalable(sleeper.toHandle(), "not-" + owner)).isFalse();
            assertThat(LockFile.signalable(sleeper.toHandle(), "root")).as("root may signal anyone").isTrue();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void anExitedProcessHoldsNothing() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        String owner = ProcessHandle.current().info().user().orElseThrow();

        assertThat(LockFile.signalable(exited.toHandle(), owner)).isFalse();
        assertThat(LockFile.signalable(exited.toHandle(), "root")).isFalse();
    }

    @Test
    void theLockNamesTheProcessOfTheCurrentUser(@TempDir Path dir) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            LockFile lock = new LockFile(dir.resolve("echo.json"));
            Files.writeString(lock.path(), "{\"process\": " + sleeper.pid() + "}");

            assertThat(lock.path().getFileName().toString()).isEqualTo("echo.lock");
            assertThat(lock.liveProcess()).hasValueSatisfying(process -> assertThat(process.pid())
                    .isEqualTo(sleeper.pid()));
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }
}
