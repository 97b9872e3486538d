-- Laravel's users table (the columns the admin needs), and who created each poster.
CREATE TABLE users (
    id         BIGSERIAL    NOT NULL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    email      VARCHAR(255) NOT NULL UNIQUE,
    password   VARCHAR(255) NOT NULL,
    is_admin   BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Bearer tokens (like Sanctum's personal_access_tokens): only the SHA-256 of the token is stored.
CREATE TABLE api_tokens (
    id           BIGSERIAL   NOT NULL PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   CHAR(64)    NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ
);

ALTER TABLE posters ADD COLUMN user_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
