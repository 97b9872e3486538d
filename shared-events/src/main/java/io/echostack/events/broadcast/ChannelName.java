package io.echostack.events.broadcast;

import java.util.Objects;

/**
 * A channel name as it travels on the wire ({@code poster_room}, {@code private-App.Models.User.1},
 * {@code presence-chat.1}), with laravel-echo-server's detection rules, kept quirks included:
 * <ul>
 *   <li>needs auth when {@code private-} or {@code presence-} occurs <em>anywhere</em> in the name
 *       (so {@code foo-private-bar} needs auth);</li>
 *   <li>presence only when the name <em>starts</em> with {@code presence-}.</li>
 * </ul>
 */
public record ChannelName(String value) {

    public static final String PRIVATE_MARKER = "private-";
    public static final String PRESENCE_MARKER = "presence-";

    public ChannelName {
        Objects.requireNonNull(value, "channel name");
    }

    public static ChannelName of(String value) {
        return new ChannelName(value);
    }

    public boolean requiresAuth() {
        return value.contains(PRIVATE_MARKER) || value.contains(PRESENCE_MARKER);
    }

    public boolean isPresence() {
        return value.startsWith(PRESENCE_MARKER);
    }

    public ChannelKind kind() {
        if (isPresence()) {
            return ChannelKind.PRESENCE;
        }
        return requiresAuth() ? ChannelKind.PRIVATE : ChannelKind.PUBLIC;
    }

    @Override
    public String toString() {
        return value;
    }
}
