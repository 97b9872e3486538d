package io.echostack.api.poster;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/posters")
@Produces(MediaType.APPLICATION_JSON)
public class PosterResource {
    private final PosterService posters;
    private final Validator validator;

    PosterResource(PosterService posters, Validator validator) {
        this.posters = posters;
        this.validator = validator;
    }

    /**
     * Creates an active poster and broadcasts it. {@code X-Socket-ID} (sent by laravel-echo's interceptors) keeps the
     * creator's own socket out of the broadcast, like Laravel's {@code broadcast(...)->toOthers()}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<PosterView> create(CreatePosterRequest body, @RestHeader("X-Socket-ID") String socketId) {
        CreatePosterRequest request = body == null ? CreatePosterRequest.EMPTY : body;
        // Validated here rather than with @Valid so a missing body reports the missing fields, as Laravel does.
        Set<ConstraintViolation<CreatePosterRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        PosterView poster = posters.create(request.title(), blankToNull(socketId));
        return RestResponse.ResponseBuilder.<PosterView>created(URI.create("/api/posters/" + poster.id()))
                .entity(poster)
                .build();
    }

    @GET
    @Path("{id}")
    public PosterView show(@RestPath long id) {
        return posters.find(id).orElseThrow(() -> new NotFoundException("Poster " + id + " not found."));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
