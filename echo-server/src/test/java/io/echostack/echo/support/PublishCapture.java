package io.echostack.echo.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of {@code laravel-8/publish-sync.txt}: what a real Laravel 8 RedisBroadcaster PUBLISHed, as
 * {@code redis-cli psubscribe} printed it (blocks of {@code pmessage}, pattern, channel, message).
 */
public record PublishCapture(String redisChannel, String message) {

    public static List<PublishCapture> publishSync() {
        try (InputStream in = PublishCapture.class.getResourceAsStream("/laravel-8/publish-sync.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<PublishCapture> captures = new ArrayList<>();
            for (int i = 0; i + 3 < lines.size(); i++) {
                if (lines.get(i).equals("pmessage")) {
                    captures.add(new PublishCapture(lines.get(i + 2), lines.get(i + 3)));
                    i += 3;
                }
            }
            return captures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first capture on {@code redisChannel} whose message contains {@code fragment}. */
    public static PublishCapture find(String redisChannel, String fragment) {
        return publishSync().stream()
                .filter(c -> c.redisChannel().equals(redisChannel) && c.message().contains(fragment))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no capture on " + redisChannel + " with " + fragment));
    }
}
