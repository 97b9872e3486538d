package io.echostack.echo.cli;

import io.echostack.echo.EchoServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** {@code echo-server <command>}: the laravel-echo-server CLI. */
@Command(name = "echo-server", mixinStandardHelpOptions = true, version = EchoServer.VERSION,
        description = "A laravel-echo-server compatible socket.io server for Laravel broadcasting.",
        subcommands = {StartCommand.class, StopCommand.class, ConfigureCommand.class, ClientAddCommand.class,
            ClientRemoveCommand.class})
public final class EchoServerCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The CLI as laravel-echo-server's yargs parses it: a command's unknown options and extra arguments
     * ({@code start --x}, {@code stop --force}, {@code init --dir d}) are ignored, with a warning, not a usage error,
     * so existing scripts and unit files keep working.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EchoServerCommand());
        commandLine.getSubcommands().values().forEach(command -> command.setUnmatchedArgumentsAllowed(true));
        return commandLine.setExecutionStrategy(parseResult -> {
            warnAboutIgnored(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
    }

    private static void warnAboutIgnored(ParseResult parseResult) {
        for (ParseResult command = parseResult; command != null; command = command.subcommand()) {
            if (!command.unmatched().isEmpty()) {
                System.err.println("Warning: ignoring unknown options and arguments: "
                        + String.join(" ", command.unmatched()));
            }
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Please provide a valid command.");
    }
}
