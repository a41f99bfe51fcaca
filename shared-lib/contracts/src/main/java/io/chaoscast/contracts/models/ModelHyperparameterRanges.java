package io.chaoscast.contracts.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model types a training request or a benchmark may name, and the range of every
 * hyperparameter the API accepts: the one table the training-service resolves a request's {@code
 * model} against and the results-service checks a benchmark's models against at creation. The
 * defaults, which depend on the dataset, stay with the training-service; the models library's own
 * invariants (e.g. at most 64 blocks) must hold every value accepted here, which the
 * training-service's tests check.
 */
public final class ModelHyperparameterRanges {

    /** A hyperparameter: name, inclusive range, and whether it must be a whole number. */
    public record Range(String name, double min, double max, boolean integer) {

        /** Whether {@code v} is in range (and whole, when it must be). */
        public boolean accepts(double v) {
            return v >= min && v <= max && (!integer || v == Math.rint(v));
        }

        /** "a whole number between 1 and 16", for error messages. */
        public String describe() {
            return (integer ? "a whole number" : "a finite number") + " between " + format(min) + " and " + format(max);
        }
    }

    public static final String EARLY_EXIT = "early-exit";
    public static final String NVAR = "nvar";
    public static final String LINEAR = "linear";
    public static final String ESN = "esn";
    public static final String PERSISTENCE = "persistence";

    /** The early-exit network's {@code base}: the model whose forecast it corrects, or none. */
    public static final List<String> EARLY_EXIT_BASES = List.of("nvar", "none");

    /** With the nvar base, the early-exit context must hold the base's delay taps. */
    public static final int NVAR_BASE_TAPS = 4;

    private static final Map<String, List<Range>> TYPES = table();

    /** Older spellings read as a canonical type. */
    private static final Map<String, String> ALIASES = Map.of("linear-ar", LINEAR);

    private ModelHyperparameterRanges() {}

    private static Map<String, List<Range>> table() {
        Map<String, List<Range>> t = new LinkedHashMap<>();
        t.put(EARLY_EXIT, List.of(
                new Range("contextLength", 1, 1024, true),
                new Range("horizon", 1, 256, true),
                new Range("width", 4, 1024, true),
                new Range("blocks", 1, 64, true),
                new Range("mlpRatio", 1, 8, true),
                new Range("uemHidden", 1, 1024, true),
                new Range("stride", 1, 1000, true),
                new Range("inputNoise", 0, 1, false),
                new Range("timeBudgetSeconds", 0, 86_400, false),
                new Range("tolerance", 0, 1, false),
                new Range("confidence", 0.5, 0.999, false),
                new Range("rolloutPasses", 0, 8, true),
                new Range("rolloutFraction", 0, 1, false),
                new Range("baseSearchSeconds", 0, 3_600, false),
                new Range("gradientClipNorm", 0, 1_000, false),
                new Range("distillationWeight", 0, 100, false)));
        t.put(NVAR, List.of(new Range("taps", 1, 16, true), new Range("skip", 1, 100, true)));
        t.put(LINEAR, List.of(new Range("order", 1, 512, true)));
        t.put(ESN, List.of(
                new Range("reservoirSize", 10, 4000, true),
                new Range("spectralRadius", 0.01, 2, false),
                new Range("leakRate", 0.01, 1, false),
                new Range("inputScaling", 0.001, 10, false),
                new Range("degree", 1, 50, true),
                new Range("warmup", 1, 100_000, true)));
        t.put(PERSISTENCE, List.of());
        return t;
    }

    /** The canonical type names, in the order docs/training.md lists them. */
    public static List<String> types() {
        return List.copyOf(TYPES.keySet());
    }

    /**
     * The canonical name of a type or of an older spelling, written exactly so (a benchmark's
     * tables label its models by the type as given, so "NVAR" is refused rather than read as
     * "nvar"), if any.
     */
    public static Optional<String> canonical(String type) {
        String t = type == null ? null : ALIASES.getOrDefault(type, type);
        return t != null && TYPES.containsKey(t) ? Optional.of(t) : Optional.empty();
    }

    /** The numeric hyperparameters of a canonical type, in a fixed order; empty for an unknown type. */
    public static List<Range> ranges(String type) {
        return TYPES.getOrDefault(type, List.of());
    }

    /**
     * Every key a model of this canonical type may carry besides {@code type}: its numeric
     * hyperparameters, and {@code base} for the early-exit network.
     */
    public static List<String> keys(String type) {
        List<String> keys = new ArrayList<>();
        if (EARLY_EXIT.equals(type)) {
            keys.add("base");
        }
        ranges(type).forEach(r -> keys.add(r.name()));
        return keys;
    }

    /** The range of one hyperparameter of a canonical type. */
    public static Optional<Range> range(String type, String name) {
        return ranges(type).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** 8 for 8.0, 0.001 for 0.001: ranges read as they were written. */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
