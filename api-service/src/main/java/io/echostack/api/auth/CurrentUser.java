package io.echostack.api.auth;

import io.echostack.api.user.User;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The user {@link ApiGuard} authenticated for this request, if any. */
@RequestScoped
public class CurrentUser {
    private User user;
    private String token;

    void set(User user, String token) {
        this.user = user;
        this.token = token;
    }

    public Optional<User> get() {
        return Optional.ofNullable(user);
    }

    /** The admin making this request; only called behind {@link ApiGuard}, which already answered 401/403. */
    public User require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated user on a guarded path"));
    }

    Optional<String> token() {
        return Optional.ofNullable(token);
    }
}
