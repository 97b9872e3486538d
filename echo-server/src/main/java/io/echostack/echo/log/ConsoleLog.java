package io.echostack.echo.log;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The user-facing console output of laravel-echo-server: the startup banner, {@code ✔} success lines, warnings,
 * errors, and in dev mode the {@code [timestamp] - message} lines ("Channel: …", "<sid> joined channel: …").
 * Library diagnostics go through SLF4J instead.
 */
public final class ConsoleLog {
    /** JavaScript's {@code new Date().toISOString()}: UTC, always milliseconds. */
    private static final DateTimeFormatter TO_ISO_STRING =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
            out.println("[" + timestamp() + "] - " + message);
        }
    }

    /** A dev-mode warning as the reference prints one: {@code ⚠ [timestamp] - message}. */
    public void devWarning(String message) {
        if (devMode) {
            out.println("⚠ [" + timestamp() + "] - " + message);
        }
    }

    /**
     * A dev-mode line without timestamp, as the reference prints some: {@code Channel: …}, {@code Event: …},
     * {@code No JSON message}, and the details under a timestamped line.
     */
    public void devDetail(String message) {
        if (devMode) {
            out.println(message);
        }
    }

    /** A dev-mode {@code ✔} line, without timestamp as the reference prints {@code ✔  Channels are ready.}. */
    public void devSuccess(String message) {
        if (devMode) {
            success(message);
        }
    }

    private static String timestamp() {
        return TO_ISO_STRING.format(Instant.now());
    }
}
