package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.echostack.echo.support.RunningEchoServer;
import io.echostack.testsupport.node.EchoClient;
import io.echostack.testsupport.node.EchoGeneration;
import io.echostack.testsupport.node.Transports;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A polling client that stops polling (a frozen tab: the real client process is stopped with SIGSTOP) while
 * broadcasts keep coming is disconnected once {@link PollingBacklog#MAX_PACKETS} are waiting for it, instead of having
 * every broadcast buffered for it until its ping timeout. When it wakes up it gets at most that backlog, then the
 * disconnect.
 */
class PollingBacklogTest {
    private static final int PUBLISHED = PollingBacklog.MAX_PACKETS + 200;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static RunningEchoServer echo;

    @BeforeAll
    static void start() throws Exception {
        echo = new RunningEchoServer();
    }

    @AfterAll
    static void stop() throws Exception {
        echo.close();
    }

    @ParameterizedTest
    @EnumSource(EchoGeneration.class)
    void aFrozenPollingClientIsDisconnectedInsteadOfBufferedForever(EchoGeneration generation) throws Exception {
        String channel = "backlog_" + generation.name().toLowerCase();
        String marker = channel + "_relayed";
        try (EchoClient client = EchoClient.builder(generation, echo.url())
                .channel(channel).transports(Transports.POLLING).start();
                EchoClient markerClient = EchoClient.builder(generation, echo.url())
                        .channel(marker).transports(Transports.WEBSOCKET).start()) {
            client.awaitType("connected", WAIT);
            echo.awaitSubscribers(channel, 1);
            echo.awaitSubscribers(marker, 1);
            ProcessHandle node = clientProcess(channel);

            signal(node, "STOP");
            try {
                for (int i = 0; i < PUBLISHED; i++) {
                    echo.publish(RunningEchoServer.PREFIX + channel,
                            "{\"event\":\"backend_poster\",\"data\":{\"n\":" + i + "},\"socket\":null}");
                }
                // The relay handles messages in order: once the marker is out, every broadcast above went through
                // the backlog while the client was still frozen (a busy server may lag behind the PUBLISH loop).
                echo.publish(RunningEchoServer.PREFIX + marker, "{\"event\":\"backend_poster\",\"data\":{},\"socket\":null}");
                markerClient.awaitEvent(marker, ".backend_poster", WAIT);
            } finally {
                signal(node, "CONT");
            }

            client.awaitType("disconnected", WAIT);
            // The poll pending when the client froze takes the first broadcast; the backlog holds the next ones.
            assertThat(client.events()).hasSizeBetween(1, PollingBacklog.MAX_PACKETS + 1);
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
