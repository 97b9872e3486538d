package io.echostack.api.poster;

import io.echostack.api.auth.CurrentUser;
import io.echostack.api.auth.UserView;
import io.echostack.api.error.ValidationFailed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The posters REST API. Every change is broadcast as {@code backend_poster}; {@code X-Socket-ID} (sent by
 * laravel-echo's interceptors) keeps the editor's own socket out of it, like Laravel's {@code ->toOthers()}.
 */
@Path("/api/posters")
@Produces(MediaType.APPLICATION_JSON)
public class PosterResource {
    static final int MAX_PER_PAGE = 100;
    private static final int DEFAULT_PER_PAGE = 15;

    private final PosterService posters;
    private final Validator validator;
    private final CurrentUser user;

    PosterResource(PosterService posters, Validator validator, CurrentUser user) {
        this.posters = posters;
        this.validator = validator;
        this.user = user;
    }

    /** Newest first, Laravel-paginated; {@code ?status=active|inactive} filters. */
    @GET
    public PaginatedPosters list(@RestQuery String status, @RestQuery String page,
                                 @RestQuery("per_page") String perPage, UriInfo uri) {
        Map<String, List<String>> errors = new HashMap<>();
        if (status != null && !status.equals(Poster.ACTIVE) && !status.equals(Poster.INACTIVE)) {
            errors.put("status", List.of("The selected status is invalid."));
        }
        int pageNumber = positive(page, 1, Integer.MAX_VALUE, "page", "The page must be at least 1.", errors);
        int size = positive(perPage, DEFAULT_PER_PAGE, MAX_PER_PAGE, "per_page",
                "The per page must be between 1 and " + MAX_PER_PAGE + ".", errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String path = uri.getBaseUriBuilder().path("api/posters").build().toString();
        String keep = (status == null ? "" : "status=" + status + "&")
                + (perPage == null ? "" : "per_page=" + size + "&");
        return PaginatedPosters.of(posters.list(status, pageNumber, size), path, keep);
    }

    /** The dashboard counters ({@code total} active, {@code month} active created this month). */
    @GET
    @Path("stats")
    public Map<String, Long> stats() {
        PosterCounts counts = posters.counts();
        return Map.of("total", counts.active(), "month", counts.activeThisMonth());
    }

    @GET
    @Path("{id}")
    public PosterView show(@RestPath long id) {
        return posters.find(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<PosterView> create(PosterRequest body, @RestHeader("X-Socket-ID") String socketId) {
        PosterView poster = posters.create(valid(body), editor(), blankToNull(socketId));
        return RestResponse.ResponseBuilder.<PosterView>created(URI.create("/api/posters/" + poster.id()))
                .entity(poster)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PosterView update(@RestPath long id, PosterRequest body, @RestHeader("X-Socket-ID") String socketId) {
        return posters.update(id, valid(body), editor(), blankToNull(socketId)).orElseThrow(() -> notFound(id)).poster();
    }

    @DELETE
    @Path("{id}")
    public RestResponse<Void> delete(@RestPath long id, @RestHeader("X-Socket-ID") String socketId) {
        posters.delete(id, editor(), blankToNull(socketId)).orElseThrow(() -> notFound(id));
        return RestResponse.noContent();
    }

    /** Validated here rather than with @Valid so a missing body reports the missing fields, as Laravel does. */
    private PosterRequest valid(PosterRequest body) {
        PosterRequest request = body == null ? PosterRequest.EMPTY : body;
        Set<ConstraintViolation<PosterRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private static int positive(String raw, int fallback, int max, String field, String message,
                                Map<String, List<String>> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        errors.put(field, List.of(message));
        return fallback;
    }

    private UserView editor() {
        return UserView.of(user.require());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Poster " + id + " not found.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
