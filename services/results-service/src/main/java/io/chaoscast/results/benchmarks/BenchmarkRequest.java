package io.chaoscast.results.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/benchmarks}. Ranges are checked by {@link BenchmarkPlanner} so that the
 * problem names the field and the range.
 *
 * @param name a label for people (default: the protocol's name and the date)
 * @param systems which catalog systems: exactly one of a list of names, a kind, or all
 * @param models model types, each flat as a training request takes it: {@code {"type": "nvar",
 *     "taps": 2}}; 1 to {@value BenchmarkPlanner#MAX_MODELS}, checked by {@link ModelHyperparameters}
 * @param seeds training and data seeds, 1 to {@value BenchmarkPlanner#MAX_SEEDS} (default {@code [0]})
 * @param protocol a named protocol and/or explicit fields that override it (default {@code quick})
 */
public record BenchmarkRequest(
        String name, SystemSelection systems, List<Map<String, Object>> models, List<Long> seeds, ProtocolRequest protocol) {

    /**
     * @param names catalog names, e.g. {@code ["Lorenz", "Rossler"]}
     * @param kind {@code flow}, {@code map} or {@code delay}: every catalog system of that kind
     * @param all every catalog system
     */
    public record SystemSelection(List<String> names, String kind, Boolean all) {}

    /**
     * Nulls take the named protocol's values.
     *
     * @param name {@code quick} (default) or {@code paper}
     */
    public record ProtocolRequest(
            String name,
            Double pointsPerPeriod,
            Integer trainingPeriods,
            Integer testOrigins,
            Double horizonLyapunovTimes,
            Double noise,
            Integer epochs) {}
}
