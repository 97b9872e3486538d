package io.echostack.api.poster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A poster, as the Laravel app's {@code posters} table holds it (schema: db/migration). */
@Entity
@Table(name = "posters")
public class Poster extends PanacheEntityBase {
    /** The table's auto-increment, as Laravel's: one by one, also for rows the Laravel app inserts (db/migration V4). */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The admin who created it (null for posters from before users existed). */
    @Column(name = "user_id")
    public Long ownerId;

    /** A new active poster. */
    public static Poster newActive(String title, Instant now) {
        Poster poster = new Poster();
        poster.title = title;
        poster.status = ACTIVE;
        poster.createdAt = laravelTimestamp(now);
        poster.updatedAt = poster.createdAt;
        return poster;
    }

    /** Whole seconds, as Laravel's {@code timestamp(0)} columns keep them. */
    public static Instant laravelTimestamp(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    public static long countActive() {
        return count("status", ACTIVE);
    }

    public static long countActiveCreatedSince(Instant since) {
        return count("status = ?1 and createdAt >= ?2", ACTIVE, since);
    }
}
