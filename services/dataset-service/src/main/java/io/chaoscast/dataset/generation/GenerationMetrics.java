package io.chaoscast.dataset.generation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What an operator sees of dataset generations on {@code /actuator/prometheus}: how long
 * generating the bytes took (integration, checksum, file) by outcome, how many points went into
 * ready datasets, and how long recording the outcome in the database took, its durable commit
 * included. Generation and recording are the two parts of a POST that grow with its work; the rest
 * of its time is the request itself. Tagged {@code mode=request} for small recipes generated inside
 * the POST and {@code mode=background} for the queue.
 */
@Component
public class GenerationMetrics {

    public static final String GENERATION = "chaoscast.datasets.generation";
    public static final String POINTS = "chaoscast.datasets.points";
    public static final String RECORDING = "chaoscast.datasets.recording";

    /** Where a generation ran. */
    public enum Mode {
        REQUEST,
        BACKGROUND;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a generation ended. */
    public enum Outcome {
        /** The bytes were published. */
        READY,
        /** Divergence, an unwritable file or equations that cannot be integrated. */
        FAILED,
        /** Stopped because an identical recipe's dataset was found meanwhile. */
        SUPERSEDED,
        /** Stopped by a shutdown or a lost database; the generation is resumed later. */
        INTERRUPTED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Mode, Map<Outcome, Timer>> generation = new EnumMap<>(Mode.class);
    private final Map<Mode, Counter> points = new EnumMap<>(Mode.class);
    private final Map<Mode, Timer> recording = new EnumMap<>(Mode.class);

    /** Registers every meter up front, so that a dashboard shows zeros before the first dataset. */
    public GenerationMetrics(MeterRegistry registry) {
        for (Mode mode : Mode.values()) {
            Map<Outcome, Timer> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Timer.builder(GENERATION)
                        .description("Generating a dataset's bytes: integration, checksum and file")
                        .tag("mode", mode.tag())
                        .tag("outcome", outcome.tag())
                        .register(registry));
            }
            generation.put(mode, byOutcome);
            points.put(mode, Counter.builder(POINTS)
                    .description("Points (states) written into ready datasets")
                    .tag("mode", mode.tag())
                    .register(registry));
            recording.put(mode, Timer.builder(RECORDING)
                    .description("Recording a generation's outcome in the database, durable commit included")
                    .tag("mode", mode.tag())
                    .register(registry));
        }
    }

    /** A generation that started at {@code startNanos} (from {@link System#nanoTime()}) ended now. */
    void generated(Mode mode, Outcome outcome, long startNanos, long pointsWritten) {
        generation.get(mode).get(outcome).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        if (outcome == Outcome.READY) {
            points.get(mode).increment(pointsWritten);
        }
    }

    /**
     * Runs the database write that records an outcome and times it; a write that throws is not
     * timed (a lost database would otherwise count its two minutes of retries as one recording).
     */
    <T> T recording(Mode mode, Supplier<T> write) {
        long start = System.nanoTime();
        T result = write.get();
        recording.get(mode).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }
}
