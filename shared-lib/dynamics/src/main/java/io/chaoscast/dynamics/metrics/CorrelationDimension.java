package io.chaoscast.dynamics.metrics;

import java.util.SplittableRandom;

/**
 * The correlation dimension of a set of points (Grassberger and Procaccia, "Characterization of
 * strange attractors", Phys. Rev. Lett. 50, 346, 1983), for comparing a forecast's attractor with
 * the truth's: the catalog's estimator ({@link io.chaoscast.dynamics.lyapunov.CorrelationDimension})
 * on at most {@value #MAX_POINTS} points, subsampled (seeded) so that the cost stays bounded.
 */
public final class CorrelationDimension {

    static final int MAX_POINTS = 1500;

    private CorrelationDimension() {}

    /**
     * The dimension of {@code points} (time order does not matter here), by the same estimator as
     * the catalog's invariants; NaN when fewer than 10 points.
     */
    public static double of(double[][] points) {
        double[][] p = subsample(points, MAX_POINTS, 17);
        if (p.length < 10) {
            return Double.NaN;
        }
        return io.chaoscast.dynamics.lyapunov.CorrelationDimension.dimension(p, 0);
    }

    /** |D2(forecast) - D2(truth)|; infinite when the forecast holds a non-finite value. */
    public static double error(double[][] truth, double[][] forecast) {
        for (double[] row : forecast) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
        }
        return Math.abs(of(forecast) - of(truth));
    }

    private static double[][] subsample(double[][] points, int max, long seed) {
        if (points.length <= max) {
            return points;
        }
        // A seeded partial Fisher-Yates shuffle: a uniform sample without replacement.
        int[] idx = new int[points.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[max][];
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out[i] = points[idx[i]];
        }
        return out;
    }
}
