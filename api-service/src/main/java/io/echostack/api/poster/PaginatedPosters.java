package io.echostack.api.poster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Laravel's {@code LengthAwarePaginator} JSON (without {@code links}), so Laravel admin front-ends page the same way.
 */
@JsonPropertyOrder({"current_page", "data", "first_page_url", "from", "last_page", "last_page_url", "next_page_url",
        "path", "per_page", "prev_page_url", "to", "total"})
public record PaginatedPosters(
        @JsonProperty("current_page") int currentPage,
        List<PosterView> data,
        @JsonProperty("first_page_url") String firstPageUrl,
        Long from,
        @JsonProperty("last_page") long lastPage,
        @JsonProperty("last_page_url") String lastPageUrl,
        @JsonProperty("next_page_url") String nextPageUrl,
        String path,
        @JsonProperty("per_page") int perPage,
        @JsonProperty("prev_page_url") String prevPageUrl,
        Long to,
        long total) {

    /** @param path the list's URL without query; other query parameters (the filter) are kept in the page links */
    public static PaginatedPosters of(PosterPage page, String path, String extraQuery) {
        int current = page.page();
        long last = page.lastPage();
        boolean empty = page.items().isEmpty();
        long from = (long) (current - 1) * page.perPage() + 1;
        return new PaginatedPosters(current, page.items(), url(path, 1, extraQuery),
                empty ? null : from, last, url(path, last, extraQuery),
                current < last ? url(path, current + 1, extraQuery) : null,
                path, page.perPage(),
                current > 1 ? url(path, current - 1, extraQuery) : null,
                empty ? null : from + page.items().size() - 1, page.total());
    }

    private static String url(String path, long page, String extraQuery) {
        return path + "?" + extraQuery + "page=" + page;
    }
}
