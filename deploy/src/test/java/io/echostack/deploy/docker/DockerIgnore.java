package io.echostack.deploy.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore} as Docker applies it: the last pattern matching a path or one of its parent folders decides,
 * {@code !} re-includes, {@code **} spans folders, {@code *} and {@code ?} stay within one.
 */
public final class DockerIgnore {
    private record Rule(Pattern pattern, boolean include) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            boolean include = trimmed.startsWith("!");
            rules.add(new Rule(toRegex(clean(include ? trimmed.substring(1) : trimmed)), include));
        }
        return new DockerIgnore(rules);
    }

    /** Whether the build context sends {@code path} (relative, {@code /}-separated) to the builder. */
    public boolean sends(String path) {
        boolean sent = true;
        String cleaned = clean(path);
        for (Rule rule : rules) {
            if (matchesOrParentMatches(rule.pattern(), cleaned)) {
                sent = rule.include();
            }
        }
        return sent;
    }

    private static boolean matchesOrParentMatches(Pattern pattern, String path) {
        String candidate = path;
        while (true) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    private static String clean(String path) {
        String cleaned = path.strip();
        while (cleaned.startsWith("/") || cleaned.startsWith("./")) {
            cleaned = cleaned.substring(cleaned.startsWith("/") ? 1 : 2);
        }
        while (cleaned.endsWith("/")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
