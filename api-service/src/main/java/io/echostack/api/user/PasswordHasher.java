package io.echostack.api.user;

import jakarta.enterprise.context.ApplicationScoped;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt like Laravel's {@code Hash} facade (cost 10), so users copied from a Laravel database can log in. */
@ApplicationScoped
public class PasswordHasher {
    private static final int LARAVEL_ROUNDS = 10;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(LARAVEL_ROUNDS);

    public String hash(String password) {
        return bcrypt.encode(password);
    }

    public boolean matches(String password, String hash) {
        return hash != null && bcrypt.matches(password, hash);
    }
}
