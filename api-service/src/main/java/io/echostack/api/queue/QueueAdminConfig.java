package io.echostack.api.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Which queues the admin's queue page watches (Horizon's {@code waits}/supervisor queues). */
@ConfigMapping(prefix = "echo.queue-admin")
public interface QueueAdminConfig {
    @WithDefault("default")
    List<String> queues();
}
