package io.chaoscast.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool (kubectl, docker-compose) when it is installed. */
final class ExternalTool {

    record Result(int exitCode, String stdout, String stderr) {}

    private ExternalTool() {}

    static boolean onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    static Optional<Result> run(List<String> command) {
        if (!onPath(command.get(0))) {
            return Optional.empty();
        }
        try {
            Path stdout = Files.createTempFile("chaoscast-deploy", ".out");
            Path stderr = Files.createTempFile("chaoscast-deploy", ".err");
            try {
                Process process =
                        new ProcessBuilder(command)
                                .directory(RepositoryFiles.root().toFile())
                                .redirectOutput(stdout.toFile())
                                .redirectError(stderr.toFile())
                                .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " ran past 60 s");
                }
                return Optional.of(
                        new Result(
                                process.exitValue(),
                                Files.readString(stdout, StandardCharsets.UTF_8),
                                Files.readString(stderr, StandardCharsets.UTF_8)));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted running " + command, e);
        }
    }
}
