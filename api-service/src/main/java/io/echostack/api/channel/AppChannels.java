package io.echostack.api.channel;

import static io.echostack.api.channel.ChannelAccess.allowIf;

import io.echostack.api.broadcast.BroadcastConfig;
import io.echostack.api.user.User;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This app's {@code routes/channels.php}. Public channels ({@code poster_room}) need no rule: clients join them
 * without asking. Add a channel by adding a {@code .channel(pattern, (user, params) -> ...)} line.
 */
public class AppChannels {
    /** Presence channel of the admins currently on the admin page. */
    public static final String ADMINS = "admins";
    /** Each user's private channel (notifications), as Laravel's {@code User} model names it. */
    public static final String USER = "App.Models.User.{id}";

    @Produces
    @Singleton
    ChannelRules channels() {
        return new ChannelRules()
                .channel(USER, (user, params) -> allowIf(sameId(user, params.get("id"))))
                .channel(ADMINS, (user, params) -> user.admin ? ChannelAccess.member(memberInfo(user))
                        : ChannelAccess.DENIED);
    }

    @Produces
    @Singleton
    ChannelAuthorizer authorizer(ChannelRules rules, BroadcastConfig config) {
        return new ChannelAuthorizer(rules, config.redis().prefix());
    }

    /** The private channel name of a user: {@code private-App.Models.User.<id>}. */
    public static String privateChannelOf(long userId) {
        return "private-" + USER.replace("{id}", Long.toString(userId));
    }

    /** Like PHP's {@code (int) $user->id === (int) $id}, but a non-number never matches. */
    private static boolean sameId(User user, String id) {
        return id.matches("[0-9]{1,18}") && user.id == Long.parseLong(id);
    }

    private static Map<String, Object> memberInfo(User user) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", user.id);
        info.put("name", user.name);
        return info;
    }
}
