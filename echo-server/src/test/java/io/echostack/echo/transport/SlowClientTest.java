package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that stops reading (a frozen tab: the real client process is stopped with SIGSTOP) while broadcasts keep
 * coming is disconnected once its backlog is full, instead of having every broadcast buffered for it until its ping
 * timeout: {@link PollingBacklog#MAX_PACKETS} broadcasts for polling, {@link FrameWriter#MAX_QUEUED_BYTES} of
 * unwritten frames (beyond what the kernel's socket buffers took) for websocket. When it wakes up it gets at most
 * that backlog, then the disconnect.
 */
class SlowClientTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final RunningEchoServer echo = RunningEchoServer.perTestClass();

    @ParameterizedTest
    @EnumSource(EchoGeneration.class)
    void aFrozenPollingClientIsDisconnectedInsteadOfBufferedForever(EchoGeneration generation) throws Exception {
        int published = PollingBacklog.MAX_PACKETS + 200;
        EchoClient client = publishWhileFrozen(generation, Transports.POLLING, published, "");
        // The poll pending when the client froze takes the first broadcast; the backlog holds the next ones.
        assertThat(client.events()).hasSizeBetween(1, PollingBacklog.MAX_PACKETS + 1);
    }

    @ParameterizedTest
    @EnumSource(EchoGeneration.class)
    void aFrozenWebSocketClientIsDisconnectedInsteadOfBufferedForever(EchoGeneration generation) throws Exception {
        // 64 KB broadcasts: 400 of them (25 MB) are more than loopback socket buffers plus the writer's bound.
        int published = 400;
        EchoClient client = publishWhileFrozen(generation, Transports.WEBSOCKET, published, "x".repeat(64 * 1024));
        assertThat(client.events()).hasSizeLessThan(published);
    }

    /**
     * Freezes a client of {@code transport}, publishes {@code count} broadcasts to its channel, thaws it and waits
     * for its disconnect. @return the thawed client (closed, its output kept)
     */
    private static EchoClient publishWhileFrozen(EchoGeneration generation, Transports transport, int count,
                                                 String padding) throws Exception {
        String channel = "slow_" + transport.name().toLowerCase() + "_" + generation.name().toLowerCase();
        String marker = channel + "_relayed";
        try (EchoClient client = EchoClient.builder(generation, echo.url())
                .channel(channel).transports(transport).start();
                EchoClient markerClient = EchoClient.builder(generation, echo.url())
                        .channel(marker).transports(Transports.WEBSOCKET).start()) {
            client.awaitType("connected", WAIT);
            echo.awaitSubscribers(channel, 1);
            echo.awaitSubscribers(marker, 1);
            ProcessHandle node = clientProcess(channel);

            signal(node, "STOP");
            try {
                for (int i = 0; i < count; i++) {
                    echo.publish(RunningEchoServer.PREFIX + channel, "{\"event\":\"backend_poster\",\"data\":{\"n\":"
                            + i + ",\"padding\":\"" + padding + "\"},\"socket\":null}");
                }
                // The relay handles messages in order: once the marker is out, every broadcast above went through
                // the backlog while the client was still frozen (a busy server may lag behind the PUBLISH loop).
                echo.publish(RunningEchoServer.PREFIX + marker, "{\"event\":\"backend_poster\",\"data\":{},\"socket\":null}");
                markerClient.awaitEvent(marker, ".backend_poster", WAIT);
            } finally {
                signal(node, "CONT");
            }

            client.awaitType("disconnected", WAIT);
            return client;
        }
    }

    /** The Node process of the client subscribed to this channel (a direct child of the test JVM). */
    private static ProcessHandle clientProcess(String channel) {
        return ProcessHandle.current().children()
                .filter(process -> process.info().commandLine().orElse("").matches(".*--channel " + channel + "( .*|$)"))
                .findFirst().orElseThrow();
    }

    private static void signal(ProcessHandle process, String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        assertThat(exit).as("kill -%s", signal).isZero();
    }
}
