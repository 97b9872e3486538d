package io.echostack.worker.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * {@code java -jar quarkus-run.jar [command]}. For {@code queue:work} (also the command when none is given) the stop
 * signals are taken over first, before Quarkus starts, so a worker stopped during start-up still exits 0. The other
 * commands are short and keep the JVM's handling.
 */
@QuarkusMain
public final class Main {
    private Main() {
    }

    public static void main(String... args) {
        if (args.length == 0 || !args[0].startsWith("queue:") || args[0].equals(WorkCommand.NAME)) {
            StopSignals.install();
        }
        Quarkus.run(Artisan.class, args);
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
