package io.echostack.api.admin;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "echo.admin-page")
public interface AdminPageConfig {

    /** echo-server's address as the browser reaches it; unset means the page's host on port 6001. */
    Optional<String> echoUrl();
}
