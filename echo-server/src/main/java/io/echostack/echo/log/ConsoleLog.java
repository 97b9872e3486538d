package io.echostack.echo.log;

import java.io.PrintStream;
import java.time.Instant;

/**
 * The user-facing console output of laravel-echo-server: the startup banner, {@code ✔} success lines, warnings,
 * errors, and in dev mode the {@code [timestamp] - message} lines ("Channel: …", "<sid> joined channel: …").
 * Library diagnostics go through SLF4J instead.
 */
public final class ConsoleLog {
    private final PrintStream out;
    private final boolean devMode;

    public ConsoleLog(PrintStream out, boolean devMode) {
        this.out = out;
        this.devMode = devMode;
    }

    public static ConsoleLog stdout(boolean devMode) {
        return new ConsoleLog(System.out, devMode);
    }

    public boolean devMode() {
        return devMode;
    }

    public void info(String message) {
        out.println(message);
    }

    public void success(String message) {
        out.println("✔  " + message);
    }

    public void warning(String message) {
        out.println("⚠ " + message);
    }

    public void error(String message) {
        out.println(message);
    }

    /** Printed only in dev mode, prefixed with an ISO-8601 UTC timestamp as laravel-echo-server 1.6.3 does. */
    public void dev(String message) {
        if (devMode) {
            out.println("[" + Instant.now() + "] - " + message);
        }
    }

    /** A dev-mode warning as the reference prints one: {@code ⚠ [timestamp] - message}. */
    public void devWarning(String message) {
        if (devMode) {
            out.println("⚠ [" + Instant.now() + "] - " + message);
        }
    }

    /** A dev-mode line without timestamp: the details the reference prints under a timestamped line. */
    public void devDetail(String message) {
        if (devMode) {
            out.println(message);
        }
    }
}
