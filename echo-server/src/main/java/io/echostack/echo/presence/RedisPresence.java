package io.echostack.echo.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.echo.channel.Broadcaster;
import io.echostack.echo.config.RedisConfig;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.events.json.Json;
import io.echostack.events.presence.PresenceKeys;
import io.echostack.events.presence.PresenceMembers;
import io.echostack.events.presence.PresenceStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;

/**
 * The presence store of one echo-server instance on its own Redis connection: at start it removes the members a
 * previous run of this instance left behind (the reference kept them forever), on close it removes its own, and with
 * {@code databaseConfig.publishPresence} every change is published on {@code PresenceChannelUpdated} as
 * {@code {"event":{"channel":"presence-<name>:members","members":[…]}}}, like the reference.
 */
public final class RedisPresence implements AutoCloseable {
    static final String UPDATES_CHANNEL = "PresenceChannelUpdated";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final PresenceKeys keys;
    private final PresenceStore store;
    private final PresenceChannels channels;
    private final ConsoleLog console;

    public RedisPresence(RedisConfig config, String instanceId, boolean publishPresence, Broadcaster broadcaster,
                         ConsoleLog console) {
        this.console = console;
        this.client = RedisClient.create(config.toUri());
        this.connection = client.connect();
        this.keys = new PresenceKeys(config.prefix());
        this.store = new PresenceStore(new LettuceScriptExecutor(connection.sync()), keys, instanceId);
        this.channels = new PresenceChannels(store, broadcaster,
                publishPresence ? this::publish : update -> { }, console);
    }

    public PresenceChannels channels() {
        return channels;
    }

    /** The channel's members as stored (the HTTP API reads these). */
    public PresenceMembers members(String channel) {
        return PresenceMembers.parse(connection.sync().get(keys.members(channel)));
    }

    /** Removes this instance's members left over from a run that ended without leaving. */
    public void purgeStale() {
        int removed = purgeOwn();
        if (removed > 0) {
            console.info("Removed " + removed + " stale presence member(s) of a previous run.");
        }
    }

    private int purgeOwn() {
        List<String> entries = List.copyOf(connection.sync().smembers(store.registryKey()));
        return entries.isEmpty() ? 0 : channels.purge(entries);
    }

    private void publish(PresenceChannels.PresenceUpdate update) {
        ObjectNode message = Json.mapper().createObjectNode();
        ObjectNode event = message.putObject("event");
        event.put("channel", PresenceKeys.storeKey(update.channel()));
        event.set("members", Json.mapper().valueToTree(update.members().entries()));
        connection.async().publish(UPDATES_CHANNEL, message.toString());
    }

    /** Lets queued updates finish, then leaves every presence channel this instance's sockets are in. */
    @Override
    public void close() {
        channels.close();
        try {
            purgeOwn();
        } catch (RuntimeException e) {
            console.warning("Could not remove this server's presence members: " + e.getMessage());
        } finally {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
