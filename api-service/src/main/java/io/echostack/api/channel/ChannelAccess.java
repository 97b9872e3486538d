package io.echostack.api.channel;

import java.util.Map;

/**
 * What a channel rule answers, as a {@code routes/channels.php} callback's return value does: {@code true} (private
 * channel joined), member info (presence channel joined), {@code false} (refused) or {@code null} (not mine, ask the
 * next rule).
 */
public sealed interface ChannelAccess {
    Granted GRANTED = new Granted();
    Denied DENIED = new Denied();
    Abstain ABSTAIN = new Abstain();

    static ChannelAccess allowIf(boolean condition) {
        return condition ? GRANTED : DENIED;
    }

    /** Joined a presence channel; {@code userInfo} is what the other members see (e.g. {@code {id, name}}). */
    static ChannelAccess member(Map<String, Object> userInfo) {
        return new Member(userInfo);
    }

    record Granted() implements ChannelAccess {
    }

    record Denied() implements ChannelAccess {
    }

    record Abstain() implements ChannelAccess {
    }

    record Member(Map<String, Object> userInfo) implements ChannelAccess {
    }
}
