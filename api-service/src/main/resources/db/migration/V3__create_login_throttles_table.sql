-- Failed logins per email + IP address within one decay window (Laravel's RateLimiter hits for ThrottlesLogins'
-- key); auth.LoginThrottle. In PostgreSQL, like the users, so every api-service replica shares the count.
CREATE TABLE login_throttles (
    throttle_key CHAR(64)    NOT NULL PRIMARY KEY, -- SHA-256 of lower(email) || '|' || ip
    attempts     INTEGER     NOT NULL,
    available_at TIMESTAMPTZ NOT NULL               -- when the window ends and the count starts again
);

CREATE INDEX login_throttles_available_at ON login_throttles (available_at);
