package io.echostack.api.auth;

import io.echostack.api.user.User;

/** A user as the API shows it (never the password hash). */
public record UserView(long id, String name, String email) {
    public static UserView of(User user) {
        return new UserView(user.id, user.name, user.email);
    }
}
