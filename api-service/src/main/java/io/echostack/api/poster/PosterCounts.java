package io.echostack.api.poster;

/** The admin dashboard counters a poster broadcast carries. */
public record PosterCounts(long active, long activeThisMonth) {
}
