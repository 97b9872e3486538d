package io.echostack.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The token to send as {@code Authorization: Bearer <token>}, and who it belongs to. */
public record LoginResponse(String token, @JsonProperty("token_type") String tokenType, UserView user) {
}
