-- The seed Laravel app's posters table (id, title, status, timestamps).
CREATE TABLE posters (
    id         BIGINT       NOT NULL PRIMARY KEY,
    title      VARCHAR(255) NOT NULL,
    status     VARCHAR(16)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX posters_status_created_at_index ON posters (status, created_at);

-- PanacheEntity ids come from Hibernate's default sequence, allocating 50 at a time.
CREATE SEQUENCE posters_seq START WITH 1 INCREMENT BY 50;
