package io.echostack.api.poster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/posters} and {@code PUT /api/posters/{id}}; messages are Laravel's for the same rules
 * ({@code title: required|string|max:255}, {@code status: nullable|in:active,inactive}).
 */
public record PosterRequest(
        @NotBlank(message = "The title field is required.")
        @Size(max = 255, message = "The title must not be greater than 255 characters.")
        String title,
        @Pattern(regexp = "active|inactive", message = "The selected status is invalid.")
        String status) {

    /** What a request without a body asks for: every field missing. */
    public static final PosterRequest EMPTY = new PosterRequest(null, null);
}
