package io.echostack.api.channel;

import io.echostack.api.user.User;
import java.util.Map;

/** The callback of one channel declaration: the authenticated user and the pattern's placeholder values. */
@FunctionalInterface
public interface ChannelRule {
    ChannelAccess authorize(User user, Map<String, String> params);
}
