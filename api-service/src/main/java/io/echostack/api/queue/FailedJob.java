package io.echostack.api.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A row of Laravel's {@code failed_jobs}, which queue-worker writes (its Flyway migration owns the table; we only read
 * and delete). {@code failed_at} is a UTC timestamp without zone, as Laravel stores it.
 */
@Entity
@Table(name = "failed_jobs")
public class FailedJob extends PanacheEntityBase {
    @Id
    public Long id;

    @Column(nullable = false)
    public String uuid;

    @Column(nullable = false)
    public String connection;

    @Column(nullable = false)
    public String queue;

    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public String exception;

    @Column(name = "failed_at", nullable = false)
    public LocalDateTime failedAt;

    public static Optional<FailedJob> byUuid(String uuid) {
        return find("uuid", uuid).firstResultOptional();
    }
}
