package io.echostack.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.echostack.api.queue.FailedJobsMissing;
import io.echostack.redis.RedisScriptException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors as JSON {@code {"message": ...}} instead of empty or text bodies. Malformed JSON is a 400 with the parser's
 * reason, never a 500; Redis being down is a 503.
 */
public class HttpErrors {
    private static final Logger LOG = Logger.getLogger(HttpErrors.class);
    private static final int BAD_REQUEST = 400;
    private static final int SERVICE_UNAVAILABLE = 503;

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

    /** Redis down or too slow: a clear 503 instead of Quarkus's text/plain 500 page. */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> redisUnavailable(RedisScriptException e) {
        LOG.error("Redis failed while queueing a broadcast", e);
        return JsonResponses.of(SERVICE_UNAVAILABLE, new ErrorBody("The broadcast queue (Redis) is unavailable."));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> failedJobsMissing(FailedJobsMissing e) {
        return JsonResponses.of(SERVICE_UNAVAILABLE, new ErrorBody(e.getMessage()));
    }

    private static ErrorBody malformed(JsonProcessingException e) {
        return new ErrorBody("Malformed JSON: " + e.getOriginalMessage());
    }
}
