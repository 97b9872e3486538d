package io.echostack.echo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code echo-server <command>}: the laravel-echo-server CLI. */
@Command(name = "echo-server", mixinStandardHelpOptions = true, version = io.echostack.echo.EchoServer.VERSION,
        description = "A laravel-echo-server compatible socket.io server for Laravel broadcasting.",
        subcommands = {StartCommand.class, StopCommand.class, ConfigureCommand.class, ClientAddCommand.class,
            ClientRemoveCommand.class})
public final class EchoServerCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EchoServerCommand()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Please provide a valid command.");
    }
}
