package io.echostack.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an optional command-line tool in the repository root; a tool that is not installed gives exit code -1. */
public final class Commands {
    public record Result(int exitCode, String output) {
    }

    private Commands() {
    }

    public static Result run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(RepoFiles.root().toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output + "\n(timed out)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException notInstalled) {
            return new Result(-1, String.valueOf(notInstalled.getMessage()));
        }
    }
}
