package io.echostack.events.broadcast;

/** The three kinds of laravel-echo channel, as laravel-echo-server tells them apart. */
public enum ChannelKind {
    /** Anyone may join; no auth request. */
    PUBLIC,
    /** Needs a 200 from the auth endpoint. */
    PRIVATE,
    /** Needs a 200 with {@code channel_data}; members are tracked. */
    PRESENCE
}
