package io.chaoscast.results.benchmarks;

import io.chaoscast.web.problem.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model types a benchmark may name and the range of every hyperparameter, as the
 * training-service checks a training request's {@code model} (its {@code ModelSpecs}, listed in
 * docs/training.md). A benchmark's models are checked here at creation, so that a misspelt type
 * or key, or a value out of range, is a 400 instead of a stored benchmark whose cells all fail.
 *
 * <p>The table repeats the training-service's ranges (the models library that holds them brings
 * DJL with it, which this service does not load); a change there must be made here too. What
 * depends on a cell's dataset (a context longer than its splits) is still checked when the
 * training-service queues the cell, and fails that cell with the reason.
 */
final class ModelHyperparameters {

    /** A hyperparameter: name, inclusive range, and whether it must be a whole number. */
    record Hyper(String name, double min, double max, boolean integer) {}

    /** Keys that take one of a few words instead of a number. */
    record Choice(String name, List<String> allowed) {}

    private record Rules(List<Hyper> numbers, List<Choice> choices) {

        List<String> names() {
            List<String> names = new ArrayList<>();
            choices.forEach(c -> names.add(c.name()));
            numbers.forEach(h -> names.add(h.name()));
            return names;
        }
    }

    private static final Map<String, Rules> TYPES = types();

    /** The canonical type names, in the order docs/training.md lists them. */
    static final List<String> TYPE_NAMES = List.copyOf(TYPES.keySet());

    /** The early-exit network's nvar base reads this many delay taps, so its context must hold them. */
    private static final int NVAR_BASE_TAPS = 4;

    /** Other names the training-service reads as a type (older spellings). */
    private static final Map<String, String> ALIASES = Map.of("linear-ar", "linear");

    private ModelHyperparameters() {}

    private static Map<String, Rules> types() {
        Map<String, Rules> t = new LinkedHashMap<>();
        t.put("early-exit", new Rules(List.of(
                        new Hyper("contextLength", 1, 1024, true),
                        new Hyper("horizon", 1, 256, true),
                        new Hyper("width", 4, 1024, true),
                        new Hyper("blocks", 1, 64, true),
                        new Hyper("mlpRatio", 1, 8, true),
                        new Hyper("uemHidden", 1, 1024, true),
                        new Hyper("stride", 1, 1000, true),
                        new Hyper("inputNoise", 0, 1, false),
                        new Hyper("timeBudgetSeconds", 0, 86_400, false),
                        new Hyper("tolerance", 0, 1, false),
                        new Hyper("confidence", 0.5, 0.999, false),
                        new Hyper("rolloutPasses", 0, 8, true),
                        new Hyper("rolloutFraction", 0, 1, false),
                        new Hyper("baseSearchSeconds", 0, 3_600, false),
                        new Hyper("gradientClipNorm", 0, 1_000, false),
                        new Hyper("distillationWeight", 0, 100, false)),
                List.of(new Choice("base", List.of("nvar", "none")))));
        t.put("nvar", new Rules(List.of(new Hyper("taps", 1, 16, true), new Hyper("skip", 1, 100, true)), List.of()));
        t.put("linear", new Rules(List.of(new Hyper("order", 1, 512, true)), List.of()));
        t.put("esn", new Rules(List.of(
                        new Hyper("reservoirSize", 10, 4000, true),
                        new Hyper("spectralRadius", 0.01, 2, false),
                        new Hyper("leakRate", 0.01, 1, false),
                        new Hyper("inputScaling", 0.001, 10, false),
                        new Hyper("degree", 1, 50, true),
                        new Hyper("warmup", 1, 100_000, true)),
                List.of()));
        t.put("persistence", new Rules(List.of(), List.of()));
        return Collections.unmodifiableMap(t);
    }

    /**
     * Checks one benchmark model, flat as a training request takes it ({@code {"type": "nvar",
     * "taps": 2}}); a null value takes the type's default, as in a training request.
     *
     * @param field the model's place in the request, e.g. {@code models[1]}
     * @throws ApiException naming {@code models[i].type} or {@code models[i].<key>} and the allowed values
     */
    static void check(String field, Map<String, Object> model) {
        Object type = model.get("type");
        Rules rules = type instanceof String s ? TYPES.get(ALIASES.getOrDefault(s, s)) : null;
        if (rules == null) {
            throw ApiException.invalidValue(field + ".type", "must be one of " + TYPE_NAMES + ", found " + quote(type));
        }
        for (Map.Entry<String, Object> e : model.entrySet()) {
            String key = e.getKey();
            if (key.equals("type")) {
                continue;
            }
            Object raw = e.getValue();
            Hyper h = rules.numbers().stream().filter(x -> x.name().equals(key)).findFirst().orElse(null);
            Choice c = rules.choices().stream().filter(x -> x.name().equals(key)).findFirst().orElse(null);
            if (h == null && c == null) {
                throw ApiException.invalidValue(field + "." + key, "is not a hyperparameter of " + type + "; allowed: " + rules.names());
            }
            if (raw == null) {
                continue;
            }
            if (c != null) {
                if (!c.allowed().contains(raw)) {
                    throw ApiException.invalidValue(field + "." + key, "must be one of " + c.allowed() + ", found " + quote(raw));
                }
                continue;
            }
            String range = (h.integer() ? "a whole number" : "a finite number") + " between " + fmt(h.min()) + " and " + fmt(h.max());
            if (!(raw instanceof Number n)) {
                throw ApiException.invalidValue(field + "." + key, "must be " + range + ", found " + quote(raw));
            }
            double v = n.doubleValue();
            if (!(v >= h.min() && v <= h.max()) || (h.integer() && v != Math.rint(v))) {
                throw ApiException.invalidValue(field + "." + key, "must be " + range + ", found " + raw);
            }
        }
        if (model.get("contextLength") instanceof Number context && context.intValue() < NVAR_BASE_TAPS
                && !"none".equals(model.get("base")) && rules == TYPES.get("early-exit")) {
            throw ApiException.invalidValue(field + ".contextLength", "must be at least " + NVAR_BASE_TAPS
                    + " with the nvar base (its delay taps), found " + context + "; or set " + field + ".base to none");
        }
    }

    private static String quote(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
