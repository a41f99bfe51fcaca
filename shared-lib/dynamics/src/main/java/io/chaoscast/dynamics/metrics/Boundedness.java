package io.chaoscast.dynamics.metrics;

/**
 * Whether a free rollout stays bounded: the fraction of its steps whose every coordinate is finite
 * and inside the truth's range widened by {@value #MARGIN} times that range on each side. A
 * forecast that diverges scores well below 1; one that stays on (or near) the attractor scores 1.
 * This is the "bounded"/"valid" check many surrogate-model studies apply before judging long-term
 * statistics (e.g. Pathak et al., "Using machine learning to replicate chaotic attractors and
 * calculate Lyapunov exponents from data", Chaos 27, 121102, 2017).
 */
public final class Boundedness {

    static final double MARGIN = 1.0;

    private Boundedness() {}

    public static double fractionInside(double[][] truth, double[][] forecast) {
        int d = truth[0].length;
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int k = 0; k < d; k++) {
            lo[k] = Double.POSITIVE_INFINITY;
            hi[k] = Double.NEGATIVE_INFINITY;
        }
        for (double[] row : truth) {
            for (int k = 0; k < d; k++) {
                lo[k] = Math.min(lo[k], row[k]);
                hi[k] = Math.max(hi[k], row[k]);
            }
        }
        int inside = 0;
        for (double[] row : forecast) {
            boolean ok = true;
            for (int k = 0; k < d && ok; k++) {
                double range = Math.max(hi[k] - lo[k], 1e-12);
                ok = Double.isFinite(row[k]) && row[k] >= lo[k] - MARGIN * range && row[k] <= hi[k] + MARGIN * range;
            }
            inside += ok ? 1 : 0;
        }
        return forecast.length == 0 ? 1 : inside / (double) forecast.length;
    }

    /** Whether every step is inside. */
    public static boolean bounded(double[][] truth, double[][] forecast) {
        return fractionInside(truth, forecast) == 1.0;
    }
}
