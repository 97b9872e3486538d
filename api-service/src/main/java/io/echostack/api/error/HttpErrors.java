package io.echostack.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Client errors as JSON {@code {"message": ...}} instead of empty or HTML bodies. Malformed JSON is a 400 with the
 * parser's reason, never a 500.
 */
public class HttpErrors {
    private static final int BAD_REQUEST = 400;

    /** Jackson binding errors (an object where a string belongs) reach us unwrapped; replaces Quarkus's own body. */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> mismatchedJson(MismatchedInputException e) {
        return JsonResponses.of(BAD_REQUEST, malformed(e));
    }

    /** Quarkus wraps JSON syntax errors in a 400 WebApplicationException; 404/405/415 come this way too. */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> webError(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonResponses.of(BAD_REQUEST, malformed(json));
        }
        return JsonResponses.of(e.getResponse().getStatus(), new ErrorBody(e.getMessage()));
    }

    private static ErrorBody malformed(JsonProcessingException e) {
        return new ErrorBody("Malformed JSON: " + e.getOriginalMessage());
    }
}
