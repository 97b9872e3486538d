package io.echostack.api.auth;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/login}; messages are Laravel's for {@code email: required|string}, {@code password: required}. */
public record LoginRequest(
        @NotBlank(message = "The email field is required.") String email,
        @NotBlank(message = "The password field is required.") String password) {

    static final LoginRequest EMPTY = new LoginRequest(null, null);
}
