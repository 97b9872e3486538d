package io.echostack.api.error;

/** Laravel's JSON error body: {@code {"message": "..."}}. */
public record ErrorBody(String message) {
}
