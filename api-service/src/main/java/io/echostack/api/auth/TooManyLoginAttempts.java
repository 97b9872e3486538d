package io.echostack.api.auth;

/** Laravel's lockout ({@code auth.throttle}), answered as a 429 validation error on {@code email}. */
public class TooManyLoginAttempts extends RuntimeException {
    private final long seconds;

    TooManyLoginAttempts(long seconds) {
        super("Too many login attempts. Please try again in " + seconds + " seconds.");
        this.seconds = seconds;
    }

    /** Until the lockout ends; also sent as {@code Retry-After}. */
    public long seconds() {
        return seconds;
    }
}
