package io.echostack.api.poster;

import io.echostack.api.auth.UserView;
import io.echostack.api.broadcast.BroadcastDispatcher;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * Poster changes: the row and the counters in one transaction, then the {@code backend_poster} broadcast once the row
 * is committed (so the worker never announces a row that a rollback removed).
 */
@ApplicationScoped
public class PosterService {
    private final PosterBroadcast broadcast;
    private final PosterNotification notification;
    private final BroadcastDispatcher dispatcher;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    PosterService(PosterBroadcast broadcast, PosterNotification notification, BroadcastDispatcher dispatcher,
                  PosterConfig config) {
        this.broadcast = broadcast;
        this.notification = notification;
        this.dispatcher = dispatcher;
        this.zone = config.timezone();
    }

    /** @param socketId X-Socket-ID of the request, or null */
    public PosterView create(PosterRequest request, UserView editor, String socketId) {
        return change(PosterChange.CREATED, editor, socketId, now -> {
            Poster poster = Poster.newActive(request.title().strip(), now);
            if (request.status() != null) {
                poster.status = request.status();
            }
            poster.ownerId = editor.id();
            poster.persist();
            return poster;
        }).poster();
    }

    /** @return the updated poster and its owner, or empty if there is no such poster */
    public Optional<Changed> update(long id, PosterRequest request, UserView editor, String socketId) {
        return Optional.ofNullable(change(PosterChange.UPDATED, editor, socketId, now -> {
            Poster poster = Poster.findById(id);
            if (poster != null) {
                poster.title = request.title().strip();
                if (request.status() != null) {
                    poster.status = request.status();
                }
                poster.updatedAt = Poster.laravelTimestamp(now);
            }
            return poster;
        }));
    }

    /** @return the deleted poster and its owner, or empty if there was no such poster */
    public Optional<Changed> delete(long id, UserView editor, String socketId) {
        return Optional.ofNullable(change(PosterChange.DELETED, editor, socketId, now -> {
            Poster poster = Poster.findById(id);
            if (poster != null) {
                poster.delete();
            }
            return poster;
        }));
    }

    public Optional<PosterView> find(long id) {
        return Poster.<Poster>findByIdOptional(id).map(PosterView::of);
    }

    /** One page, newest first; {@code status} null means every poster. */
    public PosterPage list(String status, int page, int perPage) {
        PanacheQuery<Poster> query = status == null
                ? Poster.findAll(Sort.descending("id"))
                : Poster.find("status", Sort.descending("id"), status);
        long total = query.count();
        var items = query.page(Page.of(page - 1, perPage)).<Poster>list().stream().map(PosterView::of).toList();
        return new PosterPage(items, page, perPage, total);
    }

    /** The dashboard counters right now. */
    public PosterCounts counts() {
        return QuarkusTransaction.requiringNew().call(() -> counts(clock.instant()));
    }

    /** Runs {@code work} in a transaction, then broadcasts; the owner hears about changes made by someone else. */
    private Changed change(PosterChange kind, UserView editor, String socketId, Function<Instant, Poster> work) {
        Instant now = clock.instant();
        Changed changed = QuarkusTransaction.requiringNew().call(() -> {
            Poster poster = work.apply(now);
            if (poster == null) {
                return null;
            }
            Poster.flush();
            return new Changed(PosterView.of(poster), poster.ownerId, counts(now));
        });
        if (changed != null) {
            dispatcher.dispatch(broadcast.of(kind, changed.poster(), changed.counts(), socketId));
            Long owner = changed.ownerId();
            if (owner != null && owner != editor.id()) {
                dispatcher.dispatch(notification.toOwner(owner, kind, changed.poster(), editor));
            }
        }
        return changed;
    }

    private PosterCounts counts(Instant now) {
        return new PosterCounts(Poster.countActive(), Poster.countActiveCreatedSince(startOfMonth(now)));
    }

    private Instant startOfMonth(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    /** A committed change: the poster as it now is (or was, if deleted), its owner and the new counters. */
    public record Changed(PosterView poster, Long ownerId, PosterCounts counts) {
    }
}
