package io.echostack.echo.config;

/** A configuration file that is missing, unreadable or invalid; the message is shown to the user as is. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
