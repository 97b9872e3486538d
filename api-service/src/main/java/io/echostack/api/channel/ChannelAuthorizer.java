package io.echostack.api.channel;

import io.echostack.api.user.User;
import io.echostack.events.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Laravel's {@code RedisBroadcaster::auth}: refuse without a user, strip the Redis prefix, strip
 * {@code private-encrypted-}/{@code private-}/{@code presence-}, ask the rules, answer Laravel's body.
 */
public class ChannelAuthorizer {
    private static final List<String> KINDS = List.of("private-encrypted-", "private-", "presence-");

    private final ChannelRules rules;
    private final String redisPrefix;

    public ChannelAuthorizer(ChannelRules rules, String redisPrefix) {
        this.rules = rules;
        this.redisPrefix = redisPrefix;
    }

    /** @return the 200 body ({@code true} or {@code {"channel_data":…}}), or empty for a 403 */
    public Optional<String> authorize(String channelName, Optional<User> user) {
        if (channelName == null || channelName.isBlank()) {
            return Optional.empty();
        }
        // Laravel refuses private-/presence- names without a user; our rules all need one, so every name does.
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String channel = redisPrefix.isEmpty() ? channelName : channelName.replaceFirst(Pattern.quote(redisPrefix), "");
        ChannelAccess access = rules.authorize(user.get(), normalize(channel));
        if (access instanceof ChannelAccess.Member member) {
            return Optional.of(channelData(user.get(), member.userInfo()));
        }
        return access instanceof ChannelAccess.Granted ? Optional.of("true") : Optional.empty();
    }

    private static String normalize(String channel) {
        for (String kind : KINDS) {
            if (channel.startsWith(kind)) {
                return channel.substring(kind.length());
            }
        }
        return channel;
    }

    /** Redis flavour: {@code channel_data} is an object, not the JSON string Pusher uses. */
    private static String channelData(User user, Map<String, Object> userInfo) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", user.id);
        data.put("user_info", userInfo);
        return Json.toBroadcastJson(Map.of("channel_data", data));
    }
}
