package io.chaoscast.training.models;

import io.chaoscast.dynamics.metrics.AttractorMetrics;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attractor-level metrics of a run: one long free rollout from the start of the first test
 * trajectory over the rest of it (at most {@value #MAX_STEPS} steps), judged against the truth
 * over the same span. Cheap next to training: a single rollout. Skipped (no metrics) when the test
 * split is too short for a spectrum.
 */
final class AttractorEvaluation {

    static final int MAX_STEPS = 4096;
    static final int MIN_STEPS = 64;

    private AttractorEvaluation() {}

    static Map<String, Double> metrics(Forecaster forecaster, double[][][] test) {
        int context = forecaster.spec().contextLength();
        double[][] trajectory = test[0];
        int steps = Math.min(MAX_STEPS, trajectory.length - context);
        Map<String, Double> m = new LinkedHashMap<>();
        if (steps < MIN_STEPS) {
            return m;
        }
        double[][] start = java.util.Arrays.copyOfRange(trajectory, 0, context);
        double[][] forecast = forecaster.forecast(new double[][][] {start}, steps, ExitPolicy.full()).forecasts()[0];
        double[][] truth = java.util.Arrays.copyOfRange(trajectory, context, context + steps);
        AttractorMetrics a = AttractorMetrics.of(truth, forecast);
        m.putAll(a.asMetrics("test_attractor_"));
        if (a.boundedFraction() < 1) {
            // A rollout that left the attractor's range has distances that measure the excursion
            // (up to 1e305 for one that blew up), not the invariant measure; its bounded fraction
            // says what happened, and averages over runs stay meaningful.
            m.remove("test_attractor_wasserstein");
            m.remove("test_attractor_corrdim_error");
        }
        m.values().removeIf(v -> v == null || !Double.isFinite(v));
        return m;
    }
}
