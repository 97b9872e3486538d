package io.echostack.api.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo admin created at start-up (off in the prod profile unless switched on, as {@code ./run.sh} does). */
@ConfigMapping(prefix = "echo.admin.seed")
public interface AdminSeedConfig {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("Admin")
    String name();

    @WithDefault("admin@example.com")
    String email();

    @WithDefault("password")
    String password();
}
