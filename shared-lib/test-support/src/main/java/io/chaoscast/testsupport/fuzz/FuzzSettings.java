package io.chaoscast.testsupport.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How much each service's fuzz test sends: {@code -Dchaoscast.fuzz.requests} (default 400 per
 * service; the {@code fuzz} Maven profile sends 1 500), {@code -Dchaoscast.fuzz.seconds} (a time
 * budget per service, default 90) and {@code -Dchaoscast.fuzz.seed} (default fixed, so that a
 * failure repeats).
 */
public final class FuzzSettings {

    private FuzzSettings() {}

    public static int requests() {
        return Integer.getInteger("chaoscast.fuzz.requests", 400);
    }

    public static Duration budget() {
        return Duration.ofSeconds(Long.getLong("chaoscast.fuzz.seconds", 90));
    }

    public static long seed() {
        return Long.getLong("chaoscast.fuzz.seed", 20_261_129L);
    }

    /** Prints the summary and keeps it in {@code target/fuzz/<service>.txt}. */
    public static void report(FuzzResult result) {
        System.out.println(result.summary());
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz"));
            Files.writeString(dir.resolve(result.service() + ".txt"), result.summary() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
