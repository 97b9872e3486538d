package io.echostack.echo.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stop [--config <file>] [--dir <dir>]}: SIGTERM to the server named by the lock file, which is removed. Unlike
 * the reference it waits (up to 15 s) for the server to finish its graceful stop, and exits 1 when there is nothing
 * to stop.
 */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the running server.")
final class StopCommand implements Callable<Integer> {

    @Mixin
    private ConfigLocation location;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LockFile lock = new LockFile(location.path());
        if (!lock.exists()) {
            System.err.println("Error: Could not find any lock file.");
            return 1;
        }
        OptionalLong pid = lock.pid();
        Optional<ProcessHandle> process = lock.liveProcess();
        lock.deleteQuietly();
        if (pid.isEmpty()) {
            System.err.println("Error: There was a problem reading the lock file.");
            return 1;
        }
        if (process.isEmpty()) {
            System.err.println("No running servers to close (process " + pid.getAsLong()
                    + " is gone or belongs to another user).");
            return 1;
        }
        process.get().destroy();
        try {
            process.get().onExit().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("Warning: process " + pid.getAsLong() + " did not stop within 15 seconds.");
            return 1;
        }
        System.out.println("Closed the running server.");
        return 0;
    }
}
