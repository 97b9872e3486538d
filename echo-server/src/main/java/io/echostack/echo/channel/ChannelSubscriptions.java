package io.echostack.echo.channel;

import io.echostack.echo.auth.AuthResult;
import io.echostack.echo.auth.ChannelAuthorizer;
import io.echostack.echo.log.ConsoleLog;
import io.echostack.echo.presence.PresenceChannels;
import io.echostack.events.broadcast.ChannelKind;
import io.echostack.events.broadcast.ChannelName;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client → server events of laravel-echo on every connecting socket: {@code subscribe} joins a public channel's
 * room at once and a private or presence one after Laravel's auth endpoint answered 200 (else the socket gets
 * {@code subscription_error (channel, status)}), presence channels then through {@link PresenceChannels};
 * {@code unsubscribe} and a disconnect leave; {@code client event} (whispers) goes to {@link ClientEvents} (in dev mode logged per channel, as laravel-echo-server does). Bad payloads are logged and ignored; a handler failure never
 * reaches socket.io's thread, and an auth answer for a socket that is gone meanwhile is dropped.
 */
public final class ChannelSubscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSubscriptions.class);

    private final ChannelAuthorizer authorizer;
    private final PresenceChannels presence;
    private final ClientEvents clientEvents;
    private final int maxChannels;
    private final ConsoleLog console;

    /** @param maxChannels how many channels one socket may be in; more subscriptions get status 429 */
    public ChannelSubscriptions(ChannelAuthorizer authorizer, PresenceChannels presence, ClientEvents clientEvents,
                                int maxChannels, ConsoleLog console) {
        this.authorizer = authorizer;
        this.maxChannels = maxChannels;
        this.presence = presence;
        this.clientEvents = clientEvents;
        this.console = console;
    }

    public void register(SocketIoNamespace namespace) {
        namespace.on("connection", args -> {
            SocketIoSocket socket = (SocketIoSocket) args[0];
            // One listener for the client's events rather than one per event name: each named listener costs a
            // socket ~130 bytes of emitter entries for as long as it is connected.
            socket.registerAllEventListener((event, eventArgs) ->
                    guarded(socket, event, eventArgs, this::onClientEvent));
            socket.on("disconnecting", reason -> guarded(socket, "disconnecting", reason,
                    (disconnecting, event, eventArgs) -> leaveAll(disconnecting, eventArgs)));
        });
    }

    private void onClientEvent(SocketIoSocket socket, String event, Object[] args) {
        switch (event) {
            case "subscribe" -> subscribe(socket, args);
            case "unsubscribe" -> unsubscribe(socket, args);
            case "client event" -> clientEvents.onClientEvent(socket, args);
            default -> { } // other events are ignored, as by laravel-echo-server
        }
    }

    /** Runs before socket.io empties the socket's rooms; {@code args[0]} is the reason ("transport close", …). */
    private void leaveAll(SocketIoSocket socket, Object[] args) {
        String reason = args.length > 0 ? String.valueOf(args[0]) : "disconnected";
        for (String room : socket.getNamespace().getAdapter().listClientRooms(socket)) {
            if (!room.equals(socket.getId())) {
                leavePresence(socket.getId(), room);
                console.dev(socket.getId() + " left channel: " + room + " (" + reason + ")");
            }
        }
    }

    private void leavePresence(String socketId, String channel) {
        if (ChannelName.of(channel).isPresence()) {
            presence.leave(socketId, channel);
        }
    }

    private void subscribe(SocketIoSocket socket, Object[] args) {
        SubscriptionRequest.from(args).ifPresentOrElse(request -> {
            String channel = request.channel().value();
            if (tooManyChannels(socket, channel)) {
                console.dev(socket.getId() + " is in " + maxChannels + " channels already; not joining " + channel);
                socket.send("subscription_error", channel, 429);
                return;
            }
            if (request.channel().kind() == ChannelKind.PUBLIC) {
                join(socket, channel);
                return;
            }
            authorizer.authorize(socket.getId(), channel, socket.getInitialHeaders(), request.auth())
                    .thenAccept(result -> {
                        try {
                            onAuthorized(socket, request, result);
                        } catch (RuntimeException e) {
                            LOG.warn("subscribe of {} to {} failed", socket.getId(), channel, e);
                        }
                    });
        }, () -> console.dev(socket.getId() + " sent subscribe without a channel: " + Arrays.toString(args)));
    }

    private void onAuthorized(SocketIoSocket socket, SubscriptionRequest request, AuthResult result) {
        String channel = request.channel().value();
        if (!socket.isConnected()) {
            console.dev(socket.getId() + " disconnected before the auth answer for " + channel);
            return;
        }
        if (!result.granted()) {
            socket.send("subscription_error", channel, result.status());
            return;
        }
        join(socket, channel);
        if (request.channel().kind() == ChannelKind.PRESENCE) {
            if (result.channelData() == null) {
                // As the reference: in the room (broadcasts arrive) but not a member. Its later leave crashed; ours can't.
                console.devDetail("Unable to join channel. Member data for presence channel missing");
            } else {
                presence.join(socket, channel, result.channelData());
            }
        }
    }

    /** The socket's own id-room does not count; re-subscribing a channel it is in does not either. */
    private boolean tooManyChannels(SocketIoSocket socket, String channel) {
        String[] rooms = socket.getNamespace().getAdapter().listClientRooms(socket);
        return rooms.length - 1 >= maxChannels && !Arrays.asList(rooms).contains(channel);
    }

    private void join(SocketIoSocket socket, String channel) {
        socket.joinRoom(channel);
        console.dev(socket.getId() + " joined channel: " + channel);
    }

    private void unsubscribe(SocketIoSocket socket, Object[] args) {
        SubscriptionRequest.from(args).ifPresentOrElse(request -> {
            socket.leaveRoom(request.channel().value());
            leavePresence(socket.getId(), request.channel().value());
            console.dev(socket.getId() + " left channel: " + request.channel().value() + " (unsubscribed)");
        }, () -> console.dev(socket.getId() + " sent unsubscribe without a channel: " + Arrays.toString(args)));
    }

    /** A handler failure is logged and never reaches socket.io's thread. */
    private static void guarded(SocketIoSocket socket, String event, Object[] args, EventHandler handler) {
        try {
            handler.handle(socket, event, args);
        } catch (RuntimeException e) {
            LOG.warn("{} from {} failed", event, socket.getId(), e);
        }
    }

    @FunctionalInterface
    private interface EventHandler {
        void handle(SocketIoSocket socket, String event, Object[] args);
    }
}
