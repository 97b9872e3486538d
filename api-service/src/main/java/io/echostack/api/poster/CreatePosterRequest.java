package io.echostack.api.poster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/posters} body; messages are Laravel's for the same rules (required|string|max:255). */
public record CreatePosterRequest(
        @NotBlank(message = "The title field is required.")
        @Size(max = 255, message = "The title must not be greater than 255 characters.")
        String title) {

    /** What a request without a body asks for: every field missing. */
    public static final CreatePosterRequest EMPTY = new CreatePosterRequest(null);
}
