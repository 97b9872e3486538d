package io.echostack.echo.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.echostack.events.json.Json;

/**
 * engine.io 4's OPEN packet as Node's engine.io 4+ writes it, on either transport: compact JSON ending with
 * {@code maxPayload}, the largest polling body the server takes (engine.io-server 6.3.2 writes
 * {@code 0{"sid": "…", …}} with spaces and without it). socket.io-client 4 splits its polling batches to fit
 * {@code maxPayload}; without it a burst of emits over the limit went out as one POST, got 413, and the client
 * dropped the connection.
 */
final class Eio4OpenPacket {
    static final long MAX_PAYLOAD = EngineIoServlet.MAX_POLLING_BODY;

    private Eio4OpenPacket() {
    }

    /** {@code packet} rewritten if it is an OPEN packet ({@code 0{…}}), else as it is. */
    static String asNodeWritesIt(String packet) {
        if (!packet.startsWith("0{")) {
            return packet;
        }
        try {
            JsonNode open = Json.mapper().readTree(packet.substring(1));
            if (!(open instanceof ObjectNode object)) {
                return packet;
            }
            object.put("maxPayload", MAX_PAYLOAD);
            return "0" + Json.mapper().writeValueAsString(object);
        } catch (JsonProcessingException e) {
            return packet;
        }
    }
}
