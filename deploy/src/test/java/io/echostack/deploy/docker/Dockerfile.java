package io.echostack.deploy.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.echostack.deploy.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile as its instructions: comments and blank lines dropped, backslash continuations joined. Enough to
 * check what the images promise (user, health check, ports, entry point, copied paths), not a full BuildKit parser.
 */
public record Dockerfile(List<Instruction> instructions) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Instruction(String keyword, String arguments) {
    }

    /** The Dockerfile of a module ({@code <module>/Dockerfile}). */
    public static Dockerfile of(String module) {
        return parse(RepoFiles.read(module + "/Dockerfile"));
    }

    public static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                instructions.add(toInstruction(current.toString().strip()));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            throw new IllegalArgumentException("the last instruction ends with a continuation: " + current);
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    public List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The arguments of the last {@code keyword} instruction (the one that takes effect), or null. */
    public String last(String keyword) {
        List<String> all = all(keyword);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The value of a {@code LABEL key="value"} (the last one wins, as in Docker). */
    public String label(String key) {
        String value = null;
        Matcher pair = Pattern.compile("(\\S+?)=\"([^\"]*)\"").matcher(String.join(" ", all("LABEL")));
        while (pair.find()) {
            if (pair.group(1).equals(key)) {
                value = pair.group(2);
            }
        }
        if (value == null) {
            throw new IllegalStateException("no LABEL " + key + "=\"…\"");
        }
        return value;
    }

    /** The numeric uid the image runs as ({@code USER uid:gid}); Kubernetes' runAsUser must agree. */
    public long uid() {
        String user = last("USER");
        if (user == null || !user.matches("\\d+:\\d+")) {
            throw new IllegalStateException("USER must be a numeric uid:gid, not " + user);
        }
        return Long.parseLong(user.split(":")[0]);
    }

    /** The sources of every COPY without {@code --from} (paths in the build context). */
    public List<String> contextSources() {
        List<String> sources = new ArrayList<>();
        for (String copy : all("COPY")) {
            List<String> words = List.of(copy.split("\\s+"));
            if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue;
            }
            List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
            sources.addAll(paths.subList(0, paths.size() - 1));
        }
        return sources;
    }

    /** An exec-form argument list ({@code ["java", "-jar", …]}); shell form is refused (no signals for PID 1). */
    public static List<String> execForm(String arguments) {
        try {
            return JSON.readValue(arguments, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not exec form (a JSON array): " + arguments, e);
        }
    }

    private static Instruction toInstruction(String line) {
        int space = line.indexOf(' ');
        return space < 0
                ? new Instruction(line.toUpperCase(Locale.ROOT), "")
                : new Instruction(line.substring(0, space).toUpperCase(Locale.ROOT), line.substring(space + 1).strip());
    }
}
