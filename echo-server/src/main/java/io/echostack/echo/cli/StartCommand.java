package io.echostack.echo.cli;

import io.echostack.echo.EchoServer;
import io.echostack.echo.config.ConfigException;
import io.echostack.echo.config.ConfigLoader;
import io.echostack.echo.config.EchoServerConfig;
import io.echostack.echo.log.ConsoleLog;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code start [--config <file>] [--dir <dir>] [--dev]}: runs until SIGTERM/SIGINT, then stops Redis and Jetty.
 * Unlike laravel-echo-server, every failure exits non-zero so supervisors notice.
 */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the server.")
final class StartCommand implements Callable<Integer> {

    @Option(names = "--config", defaultValue = "laravel-echo-server.json",
            description = "Config file, relative to --dir or the working directory (default: ${DEFAULT-VALUE}).")
    private String configFile;

    @Option(names = "--dir", description = "Directory of the config file.")
    private String dir;

    @Option(names = "--dev", description = "Development mode: log joins, leaves and every event.")
    private boolean dev;

    @Override
    public Integer call() throws InterruptedException {
        EchoServerConfig config;
        try {
            config = ConfigLoader.load(ConfigLoader.resolve(dir, configFile));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (dev) {
            config = config.withDevMode(true);
        }
        EchoServer server = new EchoServer(config, ConsoleLog.stdout(config.devMode()));
        try {
            server.start();
        } catch (Exception e) {
            System.err.println("Error: the server could not start: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
            closeQuietly(server);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the LARAVEL ECHO SERVER");
            closeQuietly(server);
            System.out.println("The LARAVEL ECHO SERVER server has been stopped.");
            stopped.countDown();
        }, "echo-server-stop"));
        stopped.await();
        return 0;
    }

    private static void closeQuietly(EchoServer server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Error while stopping: " + e);
        }
    }
}
