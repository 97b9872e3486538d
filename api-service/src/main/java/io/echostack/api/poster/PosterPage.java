package io.echostack.api.poster;

import java.util.List;

/** One page of posters plus what a Laravel paginator needs to describe it. */
public record PosterPage(List<PosterView> items, int page, int perPage, long total) {

    public long lastPage() {
        return Math.max(1, (total + perPage - 1) / perPage);
    }
}
