package io.echostack.api.error;

import io.echostack.api.auth.TooManyLoginAttempts;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bean Validation failures as Laravel's 422 response, so clients written for Laravel read them unchanged. */
public class ValidationErrors {
    private static final int UNPROCESSABLE_ENTITY = 422;
    private static final int TOO_MANY_REQUESTS = 429;

    @ServerExceptionMapper
    public RestResponse<ValidationErrorBody> toLaravel422(ConstraintViolationException e) {
        return JsonResponses.of(UNPROCESSABLE_ENTITY, body(e));
    }

    @ServerExceptionMapper
    public RestResponse<ValidationErrorBody> toLaravel422(ValidationFailed e) {
        return JsonResponses.of(UNPROCESSABLE_ENTITY, body(new TreeMap<>(e.errors())));
    }

    /** Laravel's lockout is a validation error on {@code email} with status 429; Retry-After says when to retry. */
    @ServerExceptionMapper
    public RestResponse<ValidationErrorBody> tooManyLoginAttempts(TooManyLoginAttempts e) {
        return RestResponse.ResponseBuilder.<ValidationErrorBody>create(TOO_MANY_REQUESTS)
                .entity(body(Map.of("email", List.of(e.getMessage()))))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.seconds())
                .build();
    }

    static ValidationErrorBody body(ConstraintViolationException e) {
        Map<String, List<String>> errors = new TreeMap<>();
        e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(ConstraintViolation::getMessage))
                .forEach(v -> errors.computeIfAbsent(field(v.getPropertyPath()), k -> new ArrayList<>()).add(v.getMessage()));
        return body(errors);
    }

    private static ValidationErrorBody body(Map<String, List<String>> errors) {
        List<String> all = errors.values().stream().flatMap(List::stream).toList();
        return new ValidationErrorBody(summary(all), errors);
    }

    /** Laravel 9+: the first message, then "(and N more error[s])". */
    private static String summary(List<String> messages) {
        if (messages.isEmpty()) {
            return "The given data was invalid.";
        }
        int more = messages.size() - 1;
        if (more == 0) {
            return messages.get(0);
        }
        return messages.get(0) + " (and " + more + " more error" + (more == 1 ? "" : "s") + ")";
    }

    /** The last node of the path ({@code title}), which is the request field Laravel names. */
    private static String field(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name == null ? "body" : name;
    }
}
