-- Laravel's failed_jobs table (database-uuids provider), as its migration creates it on PostgreSQL,
-- so `php artisan queue:failed` / `queue:retry` work on the same rows.
CREATE TABLE IF NOT EXISTS failed_jobs (
    id         BIGSERIAL    NOT NULL PRIMARY KEY,
    uuid       VARCHAR(255) NOT NULL,
    connection TEXT         NOT NULL,
    queue      TEXT         NOT NULL,
    payload    TEXT         NOT NULL,
    exception  TEXT         NOT NULL,
    failed_at  TIMESTAMP(0) WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT failed_jobs_uuid_unique UNIQUE (uuid)
);
