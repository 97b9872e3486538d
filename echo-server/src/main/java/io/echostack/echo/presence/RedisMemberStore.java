package io.echostack.echo.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.config.ConfigException;
import io.echostack.echo.config.RedisClients;
import io.echostack.echo.config.RedisConfig;
import io.echostack.events.json.Json;
import io.echostack.events.presence.PresenceKeys;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.events.presence.PresenceStore;
import io.echostack.events.script.LettuceScriptExecutor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Presence members in Redis ({@code "database": "redis"}), on a connection of their own: {@code presence.lua} keeps
 * every update atomic. With {@code databaseConfig.publishPresence} every change is published on
 * {@code PresenceChannelUpdated} as {@code {"event":{"channel":"presence-<name>:members","members":[…]}}}, like the
 * reference.
 */
public final class RedisMemberStore implements MemberStore {
    static final String UPDATES_CHANNEL = "PresenceChannelUpdated";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final PresenceKeys keys;
    private final PresenceStore store;
    private final boolean publishPresence;

    public RedisMemberStore(RedisConfig config, String instanceId, boolean publishPresence) throws ConfigException {
        this.client = RedisClients.create(config);
        this.connection = client.connect();
        this.keys = new PresenceKeys(config.prefix());
        this.store = new PresenceStore(new LettuceScriptExecutor(connection.sync()), keys, instanceId);
        this.publishPresence = publishPresence;
    }

    @Override
    public PresenceStore.Joined join(String channel, String socketId, ObjectNode channelData,
                                     List<String> goneSocketIds) {
        PresenceStore.Joined joined = store.join(channel, socketId, channelData, goneSocketIds);
        publish(channel, joined.members());
        return joined;
    }

    @Override
    public PresenceStore.Left leave(String channel, List<String> socketIds) {
        PresenceStore.Left left = store.leave(channel, socketIds);
        if (!left.removed().isEmpty()) {
            publish(channel, left.members());
        }
        return left;
    }

    @Override
    public PresenceMembers members(String channel) {
        return PresenceMembers.parse(connection.sync().get(keys.members(channel)));
    }

    @Override
    public List<String> ownMembers() {
        return List.copyOf(connection.sync().smembers(store.registryKey()));
    }

    private void publish(String channel, PresenceMembers members) {
        if (!publishPresence) {
            return;
        }
        ObjectNode message = Json.mapper().createObjectNode();
        ObjectNode event = message.putObject("event");
        event.put("channel", PresenceKeys.storeKey(channel));
        event.set("members", Json.mapper().valueToTree(members.entries()));
        connection.async().publish(UPDATES_CHANNEL, message.toString());
    }

    @Override
    public void close() {
        // Shutting the client down closes its connection; closing that first as well makes Lettuce warn of a double
        // close.
        client.shutdownAsync(0, 1, TimeUnit.SECONDS);
    }
}
