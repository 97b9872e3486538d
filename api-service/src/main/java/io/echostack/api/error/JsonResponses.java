package io.echostack.api.error;

import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** A JSON response with any status code (422 has no constant in JAX-RS). */
final class JsonResponses {
    private JsonResponses() {
    }

    static <T> RestResponse<T> of(int status, T body) {
        return RestResponse.ResponseBuilder.<T>create(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
