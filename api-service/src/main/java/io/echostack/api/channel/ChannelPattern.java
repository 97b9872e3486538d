package io.echostack.api.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code routes/channels.php} pattern such as {@code App.Models.User.{id}}: dots are literal, each {@code {name}}
 * matches one segment ({@code [^.]+}), the whole normalized channel name must match.
 */
public final class ChannelPattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String source;
    private final Pattern regex;
    private final List<String> names;

    private ChannelPattern(String source, Pattern regex, List<String> names) {
        this.source = source;
        this.regex = regex;
        this.names = names;
    }

    public static ChannelPattern of(String pattern) {
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(pattern.substring(last, placeholder.start()))).append("([^.]+)");
            names.add(placeholder.group(1));
            last = placeholder.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return new ChannelPattern(pattern, Pattern.compile(regex.toString()), List.copyOf(names));
    }

    /** The placeholder values by name if the whole channel name matches. */
    public Optional<Map<String, String>> match(String channel) {
        Matcher matcher = regex.matcher(channel);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(params);
    }

    @Override
    public String toString() {
        return source;
    }
}
