package io.chaoscast.training.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkProtocol;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.datasets.SystemResponse;

/**
 * Turns a benchmark protocol into the dataset recipe of one cell. One trajectory per cell, sampled
 * at the protocol's points per period: a training split of {@code trainingPeriods} periods, a test
 * split with room for a context window, the horizon, and the test origins spread a quarter period
 * apart, and a validation split at least as long as the test split, a quarter of the training
 * split, and {@code 4 * MARGIN} points.
 * Recipes are content-addressed by the dataset-service, so asking again yields the same dataset.
 */
final class BenchmarkRecipe {

    /** Points kept in front of every test origin for the model's context window. */
    static final int MARGIN = 64;

    private BenchmarkRecipe() {}

    static DatasetRequest of(SystemResponse system, BenchmarkProtocol p, long seed) {
        double ppp = p.pointsPerPeriod();
        int train = (int) Math.ceil(p.trainingPeriods() * ppp);
        // Lyapunov times in periods; a system without a known exponent counts one period per LT.
        double periodsPerLt = system.lyapunovTime() == null ? 1 : system.lyapunovTime() / system.period();
        int horizon = (int) Math.ceil(p.horizonLyapunovTimes() * periodsPerLt * ppp);
        int test = MARGIN + horizon + p.testOrigins() * Math.max(1, (int) Math.round(ppp / 4));
        // Validation windows at least as long as test windows (early stopping judges the same task),
        // and long enough for the fitters' validation rollouts (context plus 100 steps).
        int val = Math.max(Math.max(train / 4, test), 4 * MARGIN);
        int length = train + val + test;
        return DatasetRequest.builder(system.name())
                .trajectories(1)
                .length(length)
                .pointsPerPeriod(ppp)
                .noise(p.noise())
                .seed(seed)
                .split((double) train / length, (double) val / length, (double) test / length)
                .build();
    }
}
