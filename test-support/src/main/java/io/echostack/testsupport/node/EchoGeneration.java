package io.echostack.testsupport.node;

/** Which real client stack {@code echo-client.mjs} loads. */
public enum EchoGeneration {
    /** laravel-echo 1.19.0 + socket.io-client 2.5.0: Engine.IO protocol 3, what laravel-echo-server users run. */
    ECHO_1("1"),
    /** laravel-echo 2.5.0 + socket.io-client 4.8.1: Engine.IO protocol 4. */
    ECHO_2("2");

    private final String argument;

    EchoGeneration(String argument) {
        this.argument = argument;
    }

    String argument() {
        return argument;
    }
}
