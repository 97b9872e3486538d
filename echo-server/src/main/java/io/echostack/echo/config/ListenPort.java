package io.echostack.echo.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * laravel-echo-server's port rule: the last run of 2–5 digits at the end of the value (trailing non-digits allowed),
 * so {@code 6001}, {@code "6001"}, {@code "tcp://10.0.0.1:6001"} (a Kubernetes {@code PORT} variable) and
 * {@code "6001/"} all mean 6001, and a longer digit run keeps its last 5 digits. Where the reference crashes
 * (no such run, or a port above 65535) we report a clear error instead.
 */
public final class ListenPort {
    private static final Pattern LAST_DIGITS = Pattern.compile("(\\d{2,5})\\D*$");

    private ListenPort() {
    }

    public static int parse(String value) throws ConfigException {
        Matcher matcher = LAST_DIGITS.matcher(value == null ? "" : value.trim());
        if (!matcher.find()) {
            throw new ConfigException("Invalid \"port\": \"" + value + "\" does not end in a 2-5 digit port number.");
        }
        int port = Integer.parseInt(matcher.group(1));
        if (port < 1 || port > 65535) {
            throw new ConfigException("Invalid \"port\": " + port + " is outside 1-65535.");
        }
        return port;
    }
}
