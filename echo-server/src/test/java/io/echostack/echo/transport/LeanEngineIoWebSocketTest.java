package io.echostack.echo.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.engineio.server.Emitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listeners in fields behave as engine.io's Emitter: order, once, off, failures kept from the emitting code. */
class LeanEngineIoWebSocketTest {
    private final List<String> calls = new ArrayList<>();
    private final LeanEngineIoWebSocket webSocket = new LeanEngineIoWebSocket() {
        @Override
        public Map<String, String> getQuery() {
            return Map.of();
        }

        @Override
        public Map<String, List<String>> getConnectionHeaders() {
            return Map.of();
        }

        @Override
        public void write(String message) {
        }

        @Override
        public void write(byte[] message) {
        }

        @Override
        public void close() {
        }
    };

    private Emitter.Listener recording(String name) {
        return args -> calls.add(name + args.length);
    }

    @Test
    void listenersRunInRegistrationOrderWithTheirArguments() {
        webSocket.on("message", recording("first"));
        webSocket.on("message", recording("second"));
        webSocket.on("drain", recording("other"));

        webSocket.emit("message", "4hello");
        webSocket.emit("drain");
        webSocket.emit("close");

        assertThat(calls).containsExactly("first1", "second1", "other0");
        assertThat(webSocket.listeners("message")).hasSize(2);
        assertThat(webSocket.hasListeners("close")).isFalse();
    }

    @Test
    void aListenerRegisteredAfterTheFieldWasFreedStillRunsAfterTheEarlierOnes() {
        Emitter.Listener first = recording("first");
        webSocket.on("close", first);
        webSocket.on("close", recording("second"));
        webSocket.off("close", first);
        webSocket.on("close", recording("third"));

        webSocket.emit("close");

        assertThat(calls).containsExactly("second0", "third0");
    }

    @Test
    void aOnceListenerRunsOnce() {
        webSocket.once("error", recording("once"));

        webSocket.emit("error", "write error", "reset");
        webSocket.emit("error", "write error", "reset");

        assertThat(calls).containsExactly("once2");
        assertThat(webSocket.hasListeners("error")).isFalse();
    }

    @Test
    void offRemovesOneEventOrAll() {
        webSocket.on("message", recording("message"));
        webSocket.on("close", recording("close"));
        webSocket.off("message");
        webSocket.emit("message", "4x");
        webSocket.emit("close");
        webSocket.off();
        webSocket.emit("close");

        assertThat(calls).containsExactly("close0");
        assertThat(webSocket.hasListeners("close")).isFalse();
    }

    @Test
    void aFailingListenerDoesNotStopTheNextOrReachTheEmitter() {
        webSocket.on("message", args -> {
            throw new IllegalStateException("listener bug");
        });
        webSocket.on("message", recording("next"));

        webSocket.emit("message", "4x");

        assertThat(calls).containsExactly("next1");
    }
}
