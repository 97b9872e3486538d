package io.echostack.api.poster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A poster as JSON, as Eloquent serializes a model: snake_case columns, dates as
 * {@code 2026-11-26T11:41:22.000000Z}. The same shape goes to the API client and into the broadcast.
 */
@JsonPropertyOrder({"id", "title", "status", "created_at", "updated_at"})
public record PosterView(
        long id,
        String title,
        String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    /** Carbon's default JSON date format (Laravel 7+). */
    private static final DateTimeFormatter LARAVEL_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public static PosterView of(Poster poster) {
        return new PosterView(poster.id, poster.title, poster.status, format(poster.createdAt), format(poster.updatedAt));
    }

    private static String format(Instant instant) {
        return LARAVEL_DATE.format(instant);
    }
}
