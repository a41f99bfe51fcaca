package io.chaoscast.e2e.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a fault run did and when, in seconds since it began: printed as it happens and written to
 * the run's work directory, so that a failed run can be read back step by step.
 */
final class EventLog {

    private final String prefix;
    private final long t0 = System.nanoTime();
    private final List<String> events = new ArrayList<>();

    EventLog(String prefix) {
        this.prefix = prefix;
    }

    void note(String event) {
        String line = String.format("%6.1f s  %s", seconds(), event);
        events.add(line);
        System.out.println("[" + prefix + "] " + line);
    }

    double seconds() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Writes every event, then {@code tail} (a report; empty for none), to {@code file}. */
    void write(Path file, String tail) throws IOException {
        Files.writeString(file, String.join("\n", events) + "\n" + (tail.isEmpty() ? "" : tail + "\n"));
    }

    /** Empties a run's work directory of what an earlier run left. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
