package io.echostack.events;

/**
 * Input that does not have the shape of one of our wire formats (a broadcast message, a job envelope, a command).
 * The message says what is wrong, so it can be logged or stored as a failed job's exception text.
 */
public class MalformedPayloadException extends Exception {
    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
