package io.echostack.events.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The one Jackson configuration of Echo Stack, and the two ways PHP's {@code json_encode} writes what we must match.
 *
 * <ul>
 *   <li>{@link #broadcastWriter()}: default {@code json_encode} flags, as Laravel's RedisBroadcaster publishes:
 *       {@code /} as {@code \/} and every non-ASCII character as {@code \}{@code uXXXX}.</li>
 *   <li>{@link #queueWriter()}: {@code JSON_UNESCAPED_UNICODE}, as Laravel's queue writes job payloads:
 *       {@code /} as {@code \/}, Unicode left raw.</li>
 * </ul>
 * Readers never depend on either: Redis Lua's cjson re-encodes payloads with its own key order and escapes.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectWriter BROADCAST_WRITER = MAPPER.writer().with(new PhpEscapes(true));
    private static final ObjectWriter QUEUE_WRITER = MAPPER.writer().with(new PhpEscapes(false));

    private Json() {
    }

    /** Shared, thread-safe mapper: ignores unknown properties so newer Laravel fields never break parsing. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes like PHP {@code json_encode($value)} (RedisBroadcaster). */
    public static ObjectWriter broadcastWriter() {
        return BROADCAST_WRITER;
    }

    /** Writes like PHP {@code json_encode($value, JSON_UNESCAPED_UNICODE)} (queue payloads). */
    public static ObjectWriter queueWriter() {
        return QUEUE_WRITER;
    }

    /** Serializes with {@link #broadcastWriter()}; our own value types never fail to serialize. */
    public static String toBroadcastJson(Object value) {
        return write(BROADCAST_WRITER, value);
    }

    /** Serializes with {@link #queueWriter()}. */
    public static String toQueueJson(Object value) {
        return write(QUEUE_WRITER, value);
    }

    /**
     * The parser's current value (from its first token, a whole object or array) as plain JSON text, as Node's
     * {@code JSON.stringify} writes a parsed value: no {@code \/}, Unicode as is. Streams: no tree is built.
     */
    public static String copyValue(JsonParser parser) throws IOException {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    /**
     * Writes a parsed JSON value as PHP's {@code json_encode} would write the same value decoded: as the tree, except
     * floats in PHP's form ({@link PhpFloat}). For what RedisBroadcaster publishes, byte for byte.
     */
    public static void writePhpTree(JsonGenerator json, JsonNode node) throws IOException {
        if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
            json.writeNumber(PhpFloat.format(node.doubleValue()));
        } else if (node.isObject()) {
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                json.writeFieldName(field.getKey());
                writePhpTree(json, field.getValue());
            }
            json.writeEndObject();
        } else if (node.isArray()) {
            json.writeStartArray();
            for (JsonNode item : node) {
                writePhpTree(json, item);
            }
            json.writeEndArray();
        } else {
            json.writeTree(node);
        }
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** {@code \\u} and four lowercase hex digits, as PHP writes them (hot on broadcast paths: no String.format). */
    private static String unicodeEscape(int ch) {
        char[] escape = {'\\', 'u', HEX[(ch >> 12) & 0xF], HEX[(ch >> 8) & 0xF], HEX[(ch >> 4) & 0xF], HEX[ch & 0xF]};
        return new String(escape);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * PHP escapes {@code /} by default; non-ASCII only without {@code JSON_UNESCAPED_UNICODE}; control characters
     * without a short form as {@code \}{@code u001f}, lowercase (Jackson writes {@code \}{@code u001F}).
     */
    private static final class PhpEscapes extends CharacterEscapes {
        private static final SerializableString ESCAPED_SLASH = new SerializedString("\\/");
        private final int[] asciiEscapes;
        private final boolean escapeNonAscii;

        PhpEscapes(boolean escapeNonAscii) {
            this.escapeNonAscii = escapeNonAscii;
            this.asciiEscapes = standardAsciiEscapesForJSON();
            this.asciiEscapes['/'] = CharacterEscapes.ESCAPE_CUSTOM;
            for (int ch = 0; ch < 0x20; ch++) {
                if (asciiEscapes[ch] == CharacterEscapes.ESCAPE_STANDARD) { // those without \b \t \n \f \r
                    asciiEscapes[ch] = CharacterEscapes.ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '/') {
                return ESCAPED_SLASH;
            }
            if (ch < 0x20) {
                return new SerializedString(unicodeEscape(ch));
            }
            if (escapeNonAscii && ch > 0x7F) {
                return new SerializedString(unicodeEscape(ch));
            }
            return null;
        }
    }
}
