package io.echostack.api.error;

import java.util.List;
import java.util.Map;

/** Input checked by hand (query parameters, login) that failed: answered as Laravel's 422 like Bean Validation. */
public class ValidationFailed extends RuntimeException {
    private final transient Map<String, List<String>> errors;

    public ValidationFailed(Map<String, List<String>> errors) {
        super(errors.toString());
        this.errors = Map.copyOf(errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
