package io.echostack.api.auth;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Laravel's login throttle ({@code ThrottlesLogins} / Breeze's {@code LoginRequest}): failures are counted per
 * lower-cased email and IP address in a fixed window that starts with the first failure; once the count reaches the
 * limit, logins for that key are refused until the window ends, and a successful login clears the count. The counts
 * live in PostgreSQL (table {@code login_throttles}), so every replica sees the same ones and updates are atomic.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final String HIT = """
            INSERT INTO login_throttles AS t (throttle_key, attempts, available_at)
            VALUES (?1, 1, now() + make_interval(secs => ?2))
            ON CONFLICT (throttle_key) DO UPDATE SET
                attempts = CASE WHEN t.available_at <= now() THEN 1 ELSE t.attempts + 1 END,
                available_at = CASE WHEN t.available_at <= now() THEN excluded.available_at ELSE t.available_at END""";
    private static final String FORGET_ENDED = "DELETE FROM login_throttles WHERE available_at <= now()";
    private static final String LOCKED_FOR = """
            SELECT CAST(ceil(extract(epoch FROM available_at - now())) AS bigint) FROM login_throttles
            WHERE throttle_key = ?1 AND attempts >= ?2 AND available_at > now()""";
    private static final String CLEAR = "DELETE FROM login_throttles WHERE throttle_key = ?1";

    private final int maxAttempts;
    private final Duration decay;

    @Inject
    LoginThrottle(LoginThrottleConfig config) {
        this(config.maxAttempts(), config.decay());
    }

    LoginThrottle(int maxAttempts, Duration decay) {
        this.maxAttempts = maxAttempts;
        this.decay = decay;
    }

    /** @return the seconds until this email + IP may try again, or empty if it may try now */
    public OptionalLong lockedFor(String email, String ip) {
        List<?> seconds = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery(LOCKED_FOR).setParameter(1, key(email, ip)).setParameter(2, maxAttempts)
                .getResultList());
        return seconds.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, ((Number) seconds.get(0)).longValue()));
    }

    /** Counts one failed login (and forgets windows that have ended, so the table stays small). */
    public void hit(String email, String ip) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Panache.getEntityManager();
            em.createNativeQuery(FORGET_ENDED).executeUpdate();
            em.createNativeQuery(HIT).setParameter(1, key(email, ip)).setParameter(2, decay.toMillis() / 1000.0)
                    .executeUpdate();
        });
    }

    /** A successful login starts from zero again. */
    public void clear(String email, String ip) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(CLEAR)
                .setParameter(1, key(email, ip)).executeUpdate());
    }

    /** Laravel's {@code Str::lower($email).'|'.$ip}, hashed so any email fits the column. */
    static String key(String email, String ip) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((email.toLowerCase(Locale.ROOT) + "|" + ip).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
