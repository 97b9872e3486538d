package io.echostack.api.queue;

/** A confirmation, worded as the matching artisan command prints it. */
public record Message(String message) {
}
