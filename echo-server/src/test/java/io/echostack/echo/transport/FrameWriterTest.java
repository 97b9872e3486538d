package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

/**
 * {@link FrameWriter}'s queue against Jetty's {@link ByteArrayEndPoint} with a small output buffer that only empties
 * when the test takes what was written: a client reading slowly, or not at all. (Real clients over real sockets:
 * SlowClientTest, HttpEdgesTest.)
 */
class FrameWriterTest {
    /** 8 bytes of output that never grow: a socket whose send buffer is nearly always full. */
    private final ByteArrayEndPoint endPoint = new ByteArrayEndPoint(new byte[0], 8, false);
    private final List<Throwable> failures = new ArrayList<>();
    private final FrameWriter writer = new FrameWriter(endPoint, failures::add);

    @Test
    void framesQueuedWhileTheSocketIsFullGoOutInOrderWhenItDrains() {
        List<String> frames = List.of("first frame", "second", "third one", "4th");
        frames.forEach(frame -> writer.send(bytes(frame)));

        assertThat(drain()).isEqualTo(String.join("", frames));
        assertThat(failures).isEmpty();
    }

    @Test
    void closeWaitsUntilEverythingQueuedIsWrittenAndLaterFramesAreDropped() {
        List<String> events = new ArrayList<>();
        writer.send(bytes("a frame of 20 bytes."));
        writer.send(bytes("and one more"));
        // Runs when the last write completes: its bytes are still in the endpoint, not yet taken by the test.
        writer.closeWhenFlushed(() -> events.add("engine.io close after: " + endPoint.getOutputString()));
        writer.closeWhenFlushed(() -> events.add("Jetty's close reply"));
        writer.send(bytes("too late"));

        assertThat(events).isEmpty();
        String written = drain();

        assertThat(written).isEqualTo("a frame of 20 bytes.and one more");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).startsWith("engine.io close after: ").endsWith("more");
        assertThat(events.get(1)).isEqualTo("Jetty's close reply");
    }

    @Test
    void closeRunsAtOnceWhenNothingIsQueued() {
        List<String> events = new ArrayList<>();

        writer.closeWhenFlushed(() -> events.add("closed"));

        assertThat(events).containsExactly("closed");
    }

    @Test
    void aWaitingCloseStillRunsWhenTheWriteFails() {
        List<String> events = new ArrayList<>();
        writer.send(bytes("more than eight bytes"));
        writer.closeWhenFlushed(() -> events.add("closed"));

        endPoint.close(); // the peer is gone: the pending write fails

        assertThat(failures).hasSize(1);
        assertThat(events).containsExactly("closed");
    }

    @Test
    void aClientThatStopsReadingIsCutOffOnceTheQueueIsFull() {
        ByteBuffer oneMiB = BufferUtil.toBuffer(new byte[1024 * 1024]);
        int sent = 0;
        while (failures.isEmpty() && sent < 10) {
            writer.send(oneMiB.duplicate());
            sent++;
        }

        // The first frame is in flight (8 bytes in the endpoint), four more fill the 4 MiB queue, the sixth is refused.
        assertThat(sent).isEqualTo(FrameWriter.MAX_QUEUED_BYTES / oneMiB.remaining() + 2);
        assertThat(failures).singleElement().asString().contains("the client stopped reading");
        writer.send(oneMiB.duplicate());
        assertThat(failures).hasSize(1);
    }

    /** Reads the endpoint's output until nothing more comes: each read makes room for the next write. */
    private String drain() {
        StringBuilder written = new StringBuilder();
        String chunk;
        while (!(chunk = endPoint.takeOutputString()).isEmpty()) {
            written.append(chunk);
        }
        return written.toString();
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
