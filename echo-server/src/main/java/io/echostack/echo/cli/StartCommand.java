package io.echostack.echo.cli;

import io.echostack.echo.EchoServer;
import io.echostack.echo.config.ConfigException;
import io.echostack.echo.config.ConfigLoader;
import io.echostack.echo.config.EchoServerConfig;
import io.echostack.echo.log.ConsoleLog;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code start [--config <file>] [--dir <dir>] [--force] [--dev]}: takes the lock file, runs until SIGTERM, SIGINT
 * or SIGHUP, then stops gracefully, removes the lock and exits 0, as the reference does.
 * Unlike laravel-echo-server, every failure exits non-zero so supervisors notice.
 */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the server.")
final class StartCommand implements Callable<Integer> {

    @Mixin
    private ConfigLocation location;

    // arity 0..1: yargs also takes "--dev true" and "--dev false"
    @Option(names = "--dev", arity = "0..1", description = "Development mode: log joins, leaves and every event.")
    private boolean dev;

    @Option(names = "--force", arity = "0..1",
            description = "Stop the server the lock file names, if it runs, and start anyway.")
    private boolean force;

    @Override
    public Integer call() throws InterruptedException {
        EchoServerConfig config;
        try {
            config = ConfigLoader.load(location.path());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (dev) {
            config = config.withDevMode(true);
        }
        LockFile lock = new LockFile(location.path());
        if (!takeLock(lock)) {
            return 1;
        }
        EchoServer server;
        try {
            server = new EchoServer(config, ConsoleLog.stdout(config.devMode()));
        } catch (IOException e) {
            System.err.println("Error: " + e.getMessage());
            lock.deleteQuietly();
            return 1;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        StopSignals.onStopRequest(stopRequested::countDown); // before start: a stop during it is not lost
        try {
            server.start();
        } catch (Exception e) {
            System.err.println("Error: the server could not start: " + reason(e));
            closeQuietly(server);
            lock.deleteQuietly();
            return 1;
        }
        stopRequested.await();
        System.out.println("Stopping the LARAVEL ECHO SERVER");
        closeQuietly(server);
        lock.deleteQuietly();
        System.out.println("The LARAVEL ECHO SERVER server has been stopped.");
        return 0;
    }

    /** As the reference: a live server named by the lock blocks the start unless --force; a stale lock is replaced. */
    private boolean takeLock(LockFile lock) {
        try {
            if (lock.exists()) {
                var running = lock.liveProcess();
                if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
                    if (!force) {
                        System.err.println("Error: There is already a server running! Use the option '--force' to"
                                + " stop it and start another one.");
                        return false;
                    }
                    System.out.println("Warning: Closing process " + running.get().pid()
                            + " because you used the '--force' option.");
                    running.get().destroy();
                    running.get().onExit().get(15, TimeUnit.SECONDS);
                }
            }
            lock.write(ProcessHandle.current().pid());
            return true;
        } catch (IOException e) {
            System.err.println("Error: Cannot write lock file " + lock.path() + ": " + e.getMessage());
            return false;
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("Error: the running server did not stop within 15 seconds.");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The message and, when it differs, the root cause (e.g. a TLS handshake refusal behind "Unable to connect"). */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null || message.contains(root.getMessage()) ? message
                : message + " (" + root.getMessage() + ")";
    }

    private static void closeQuietly(EchoServer server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Error while stopping: " + e);
        }
    }
}
