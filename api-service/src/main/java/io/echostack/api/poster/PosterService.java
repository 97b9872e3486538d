package io.echostack.api.poster;

import io.echostack.api.broadcast.BroadcastDispatcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Creates posters: the row and the counters in one transaction, then the broadcast once the row is committed. */
@ApplicationScoped
public class PosterService {
    private final PosterBroadcast broadcast;
    private final BroadcastDispatcher dispatcher;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    PosterService(PosterBroadcast broadcast, BroadcastDispatcher dispatcher, PosterConfig config) {
        this.broadcast = broadcast;
        this.dispatcher = dispatcher;
        this.zone = config.timezone();
    }

    /** @param socketId X-Socket-ID of the request, or null */
    public PosterView create(String title, String socketId) {
        Instant now = clock.instant();
        Created created = QuarkusTransaction.requiringNew().call(() -> {
            Poster poster = Poster.newActive(title.strip(), now);
            poster.persist();
            PosterCounts counts = new PosterCounts(Poster.countActive(),
                    Poster.countActiveCreatedSince(startOfMonth(now)));
            return new Created(PosterView.of(poster), counts);
        });
        // After commit, so the worker never announces a row that a rollback removed.
        dispatcher.dispatch(broadcast.created(created.poster(), created.counts(), socketId));
        return created.poster();
    }

    public Optional<PosterView> find(long id) {
        return Poster.<Poster>findByIdOptional(id).map(PosterView::of);
    }

    private Instant startOfMonth(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    private record Created(PosterView poster, PosterCounts counts) {
    }
}
