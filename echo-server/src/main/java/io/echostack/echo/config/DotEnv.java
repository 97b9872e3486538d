package io.echostack.echo.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .env} file of the working directory, read as laravel-echo-server's dotenv 8 reads it: {@code KEY=value}
 * lines, other lines ignored, values trimmed, quotes removed ({@code "…"} turns {@code \n} into a newline), no
 * comments after values. The real environment wins over the file.
 */
public final class DotEnv {
    private static final Pattern LINE = Pattern.compile("^\\s*([\\w.-]+)\\s*=\\s*(.*)?\\s*$");

    private DotEnv() {
    }

    /** {@code environment} over the variables of {@code file}; a missing or unreadable file adds nothing. */
    public static Map<String, String> overlay(Path file, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                merged.putAll(parse(Files.readString(file)));
            } catch (IOException e) {
                System.err.println("Warning: could not read " + file.toAbsolutePath() + ": " + e.getMessage());
            }
        }
        merged.putAll(environment);
        return merged;
    }

    static Map<String, String> parse(String content) {
        Map<String, String> variables = new HashMap<>();
        for (String line : content.split("\\r?\\n|\\r")) {
            Matcher match = LINE.matcher(line);
            if (match.matches()) {
                variables.put(match.group(1), value(match.group(2) == null ? "" : match.group(2).trim()));
            }
        }
        return variables;
    }

    private static String value(String raw) {
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\\n", "\n");
        }
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }
}
