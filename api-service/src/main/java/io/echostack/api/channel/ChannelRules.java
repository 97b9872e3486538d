package io.echostack.api.channel;

import io.echostack.api.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered channel declarations, asked in registration order like Laravel's
 * {@code Broadcaster::verifyUserCanAccessChannel}:
 * the first matching rule that does not abstain decides; no decision means refused.
 */
public final class ChannelRules {
    private final List<Entry> entries = new ArrayList<>();

    /** {@code Broadcast::channel(pattern, callback)}. */
    public ChannelRules channel(String pattern, ChannelRule rule) {
        entries.add(new Entry(ChannelPattern.of(pattern), rule));
        return this;
    }

    /** @param channel normalized: without {@code private-}/{@code presence-} and the Redis prefix */
    public ChannelAccess authorize(User user, String channel) {
        for (Entry entry : entries) {
            Optional<Map<String, String>> params = entry.pattern().match(channel);
            if (params.isPresent()) {
                ChannelAccess access = entry.rule().authorize(user, params.get());
                if (!(access instanceof ChannelAccess.Abstain)) {
                    return access;
                }
            }
        }
        return ChannelAccess.DENIED;
    }

    private record Entry(ChannelPattern pattern, ChannelRule rule) {
    }
}
