package io.echostack.api.error;

import java.util.List;
import java.util.Map;

/** Laravel's 422 body: {@code {"message": "...", "errors": {"field": ["...", ...]}}}. */
public record ValidationErrorBody(String message, Map<String, List<String>> errors) {
}
