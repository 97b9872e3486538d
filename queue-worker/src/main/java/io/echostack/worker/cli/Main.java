package io.echostack.worker.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * {@code java -jar quarkus-run.jar [command]}. For {@code queue:work} (also the command when none is given) the stop
 * signals are taken over first, before Quarkus starts, so a worker stopped during start-up still exits 0. The other
 * commands are short and keep the JVM's handling; they serve no HTTP (health and metrics are the worker's), so they
 * run beside a worker that holds port 8081. {@code --help} and {@code --version} are answered before Quarkus starts:
 * they need no database or Redis.
 */
@QuarkusMain
public final class Main {
    static final String HTTP_ENABLED = "quarkus.http.host-enabled";
    /** For the short commands: stdout holds their output only, as artisan's (no banner, no start-up INFO lines). */
    private static final String[][] QUIET_COMMAND = {{"quarkus.banner.enabled", "QUARKUS_BANNER_ENABLED", "false"},
            {"quarkus.log.level", "QUARKUS_LOG_LEVEL", "WARN"}};

    private Main() {
    }

    public static void main(String... args) {
        if (printedHelp(args)) {
            System.exit(0);
        }
        if (args.length == 0 || !args[0].startsWith("queue:") || args[0].equals(WorkCommand.NAME)) {
            StopSignals.install();
        } else {
            setUnlessGiven(HTTP_ENABLED, "QUARKUS_HTTP_HOST_ENABLED", "false");
            for (String[] setting : QUIET_COMMAND) {
                setUnlessGiven(setting[0], setting[1], setting[2]);
            }
        }
        Quarkus.run(Artisan.class, args);
    }

    private static void setUnlessGiven(String property, String env, String value) {
        if (System.getProperty(property) == null && System.getenv(env) == null) {
            System.setProperty(property, value);
        }
    }

    /** Usage or version asked for anywhere on the command line: printed by picocli alone, without Quarkus. */
    static boolean printedHelp(String... args) {
        try {
            return CommandLine.printHelpIfRequested(new CommandLine(new ArtisanCommand()).parseArgs(args));
        } catch (CommandLine.ParameterException e) {
            return false;   // Quarkus runs the same command line and reports the mistake as before
        }
    }

    /** Runs the picocli command line quarkus-picocli builds from {@link ArtisanCommand}. */
    public static class Artisan implements QuarkusApplication {
        @Inject
        CommandLine commandLine;

        @Override
        public int run(String... args) {
            return commandLine.execute(args);
        }
    }
}
