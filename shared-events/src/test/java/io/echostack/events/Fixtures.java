package io.echostack.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the Laravel 8 captures copied into src/test/resources/laravel-8. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/laravel-8/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job envelopes Laravel RPUSHed, one per line. */
    public static List<String> queueJobs() {
        return text("queue-jobs.jsonl").lines().filter(line -> !line.isBlank()).toList();
    }

    /** A pmessage of a redis-cli capture: the Redis channel and the message bytes. */
    public record PMessage(String channel, String message) {
    }

    /** Every pmessage in publish-sync.txt / publish-worker.txt (redis-cli prints 4 lines per message). */
    public static List<PMessage> pmessages(String name) {
        List<String> lines = text(name).lines().toList();
        List<PMessage> messages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("pmessage")) {
                messages.add(new PMessage(lines.get(i + 2), lines.get(i + 3)));
                i += 3;
            }
        }
        return messages;
    }

    /**
     * A Lua script Laravel sent with EVAL, as captured by {@code redis-cli monitor}: the first EVAL whose script
     * contains {@code marker}, unescaped from redis-cli's quoting.
     */
    public static String laravelScript(String marker) {
        Matcher eval = Pattern.compile("\"EVAL\" \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text("redis-monitor-sync-and-queue.txt"));
        while (eval.find()) {
            String script = unquote(eval.group(1));
            if (script.contains(marker)) {
                return script;
            }
        }
        throw new IllegalStateException("no captured EVAL contains " + marker);
    }

    private static String unquote(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                char next = quoted.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
