package io.echostack.api;

import io.echostack.api.user.PasswordHasher;
import io.echostack.api.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;

/** Users besides the seeded admin, created once per test JVM (the email is unique). */
public final class TestUsers {
    private TestUsers() {
    }

    /** @return the user's id; creates the user if the email is new */
    public static long ensure(String email, String name, String password, boolean admin) {
        return QuarkusTransaction.requiringNew().call(() -> User.byEmail(email).orElseGet(() -> {
            User user = new User();
            user.name = name;
            user.email = email;
            user.password = new PasswordHasher().hash(password);
            user.admin = admin;
            user.createdAt = Instant.now();
            user.updatedAt = user.createdAt;
            user.persist();
            return user;
        }).id);
    }

    public static long idOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> User.byEmail(email).orElseThrow().id);
    }
}
