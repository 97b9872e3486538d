package io.echostack.api.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Laravel's {@code ThrottlesLogins}: {@code $maxAttempts = 5}, {@code $decayMinutes = 1}. */
@ConfigMapping(prefix = "echo.login")
public interface LoginThrottleConfig {
    /** Failed logins per email + IP address before further logins are refused. */
    @WithDefault("5")
    int maxAttempts();

    /** The window that starts with the first failure; when it ends, the count starts again. */
    @WithDefault("60s")
    Duration decay();
}
