-- queue-worker's V1__create_failed_jobs_table.sql: the worker owns this table; api-service tests create it alike.
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
