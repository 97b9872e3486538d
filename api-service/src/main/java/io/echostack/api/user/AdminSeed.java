package io.echostack.api.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Like Laravel's DatabaseSeeder: makes sure the configured admin exists (never overwrites an existing user). */
@ApplicationScoped
public class AdminSeed {
    private static final Logger LOG = Logger.getLogger(AdminSeed.class);

    void onStart(@Observes StartupEvent start, AdminSeedConfig config, PasswordHasher hasher) {
        if (!config.enabled()) {
            return;
        }
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            if (User.byEmail(config.email()).isPresent()) {
                return false;
            }
            User admin = new User();
            admin.name = config.name();
            admin.email = config.email();
            admin.password = hasher.hash(config.password());
            admin.admin = true;
            admin.createdAt = Instant.now();
            admin.updatedAt = admin.createdAt;
            admin.persist();
            return true;
        });
        if (created) {
            LOG.infof("Seeded admin user %s", config.email());
        }
    }
}
