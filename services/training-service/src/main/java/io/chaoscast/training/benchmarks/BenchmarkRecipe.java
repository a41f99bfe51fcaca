package io.chaoscast.training.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkProtocol;
import io.chaoscast.contracts.datasets.DatasetRequest;
import io.chaoscast.contracts.datasets.SystemResponse;

/**
 * Turns a benchmark protocol into the dataset recipe of one cell. One trajectory per cell, sampled
 * at the protocol's points per period (a map once per iteration, with as many training points as a
 * flow): a training split of {@code trainingPeriods} periods, a test
 * split with room for a context window, the horizon, and the test origins spread a quarter period
 * apart (one iteration for a map), and a validation split at least as long as the test split, a quarter of the training
 * split, and 256 points.
 * Recipes are content-addressed by the dataset-service, so asking again yields the same dataset.
 */
final class BenchmarkRecipe {

    /**
     * Points kept in front of every test origin for the model's context window: the longest
     * context of the shipped model types at their defaults (the ESN's 200-state warm-up).
     */
    static final int MARGIN = 200;

    /** The longest horizon a cell's test split makes room for, in periods (iterations x points per period for a map). */
    static final int MAX_HORIZON_PERIODS = 100;

    /** The shortest validation split: room for the fitters' validation rollouts. */
    static final int MIN_VALIDATION = 256;

    private BenchmarkRecipe() {}

    static DatasetRequest of(SystemResponse system, BenchmarkProtocol p, long seed) {
        boolean map = "map".equals(system.kind());
        // A map is sampled once per iteration; it gets as many training points as a flow does.
        double ppp = map ? 1 : p.pointsPerPeriod();
        int train = (int) Math.ceil(p.trainingPeriods() * p.pointsPerPeriod());
        // Lyapunov times in periods (iterations for a map); without a known exponent one period per LT.
        double periodsPerLt = system.lyapunovTime() == null ? 1 : system.lyapunovTime() / system.period();
        // Systems whose Lyapunov time spans hundreds of periods (near-zero exponents: tori,
        // transient chaos) would otherwise ask for test splits of 10^5 to 10^6 points.
        int horizon = (int) Math.min(Math.ceil(p.horizonLyapunovTimes() * periodsPerLt * ppp), MAX_HORIZON_PERIODS * p.pointsPerPeriod());
        int spacing = map ? 1 : Math.max(1, (int) Math.round(ppp / 4));
        int test = MARGIN + horizon + p.testOrigins() * spacing;
        // Validation windows at least as long as test windows (early stopping judges the same task),
        // and long enough for the fitters' validation rollouts (context plus 100 steps).
        int val = Math.max(Math.max(train / 4, test), MIN_VALIDATION);
        int length = train + val + test;
        DatasetRequest.Builder b = DatasetRequest.builder(system.name()).trajectories(1).length(length);
        if (!map) {
            b.pointsPerPeriod(ppp);
        }
        return b.noise(p.noise())
                .seed(seed)
                .split((double) train / length, (double) val / length, (double) test / length)
                .build();
    }
}
