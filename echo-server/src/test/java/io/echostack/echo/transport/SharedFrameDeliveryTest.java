package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import io.socket.socketio.server.SocketIoSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts reach websocket sessions as one shared frame payload written straight to their connection, and polling
 * sessions through engine.io: real clients of both generations on websocket, polling and polling-then-upgrade get
 * the same broadcasts, in order, and only websocket-carried sessions are on the direct path (none left once they go).
 */
class SharedFrameDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ROOM = "shared_room";
    private SocketIoHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SocketIoHttpServer("127.0.0.1", 0, SocketIoSettings.defaults(), Set.of(), null);
        server.namespace().on("connection", args -> ((SocketIoSocket) args[0]).joinRoom(ROOM));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void everyTransportGetsTheSharedBroadcastsAndOnlyWebsocketsTakeTheDirectPath() {
        String url = "http://127.0.0.1:" + server.port();
        try (EchoClient ws1 = client(EchoGeneration.ECHO_1, Transports.WEBSOCKET, url);
             EchoClient ws2 = client(EchoGeneration.ECHO_2, Transports.WEBSOCKET, url);
             EchoClient upgraded1 = client(EchoGeneration.ECHO_1, Transports.DEFAULT, url);
             EchoClient upgraded2 = client(EchoGeneration.ECHO_2, Transports.DEFAULT, url);
             EchoClient polling1 = client(EchoGeneration.ECHO_1, Transports.POLLING, url);
             EchoClient polling2 = client(EchoGeneration.ECHO_2, Transports.POLLING, url)) {
            List<EchoClient> all = List.of(ws1, ws2, upgraded1, upgraded2, polling1, polling2);
            all.forEach(client -> client.awaitType("connected", WAIT));
            upgraded1.awaitType("upgraded", WAIT);
            upgraded2.awaitType("upgraded", WAIT);
            await().atMost(WAIT).until(() -> server.rooms().roomSize(ROOM) == all.size());
            await().atMost(WAIT).until(() -> server.webSocketSessions() == 4);

            for (int n = 0; n < 3; n++) {
                server.rooms().broadcastEncoded(ROOM,
                        "2[\"backend_poster\",\"" + ROOM + "\",{\"n\":" + n + ",\"text\":\"wörld ✓\"}]", null);
            }

            for (EchoClient client : all) {
                await().atMost(WAIT).until(() -> client.events().size() == 3);
                assertThat(client.events()).extracting(line -> line.path("data").toString()).containsExactly(
                        "{\"n\":0,\"text\":\"wörld ✓\"}", "{\"n\":1,\"text\":\"wörld ✓\"}", "{\"n\":2,\"text\":\"wörld ✓\"}");
            }
        }
        await().atMost(WAIT).until(() -> server.webSocketSessions() == 0);
    }

    private static EchoClient client(EchoGeneration generation, Transports transports, String url) {
        return EchoClient.builder(generation, url).channel(ROOM).transports(transports).start();
    }
}
