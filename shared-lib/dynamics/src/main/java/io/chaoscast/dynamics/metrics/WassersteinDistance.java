package io.chaoscast.dynamics.metrics;

import java.util.Arrays;

/**
 * Distance between the invariant distributions of two trajectories: the Wasserstein-1 (earth
 * mover's) distance between their one-dimensional marginals, per coordinate, averaged over the
 * coordinates after dividing each by the truth's standard deviation (Villani, "Optimal Transport:
 * Old and New", 2009; in one dimension W1 is the L1 distance between the quantile functions). A
 * forecast that lost the phase but stays on the attractor keeps this small; one that collapses to
 * a fixed point or drifts away does not.
 */
public final class WassersteinDistance {

    private WassersteinDistance() {}

    /** W1 between two samples of a real variable (any sizes, at least one value each). */
    public static double of(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value, found " + a.length + " and " + b.length);
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        // Walk the merged breakpoints of the two empirical quantile functions.
        double sum = 0;
        double u = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            double nextX = (i + 1) / (double) x.length;
            double nextY = (j + 1) / (double) y.length;
            double next = Math.min(nextX, nextY);
            sum += (next - u) * Math.abs(x[i] - y[j]);
            u = next;
            if (nextX <= next) {
                i++;
            }
            if (nextY <= next) {
                j++;
            }
        }
        return sum;
    }

    /**
     * Mean over coordinates of W1 between the marginals of {@code truth} and {@code forecast}
     * ({@code [time][dimension]}), each in units of the truth's standard deviation of that
     * coordinate. Infinite when the forecast holds a non-finite value.
     */
    public static double marginals(double[][] truth, double[][] forecast) {
        int d = truth[0].length;
        double total = 0;
        for (int k = 0; k < d; k++) {
            double[] t = column(truth, k);
            double[] f = column(forecast, k);
            for (double v : f) {
                if (!Double.isFinite(v)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            double sd = std(t);
            total += of(t, f) / (sd > 0 ? sd : 1);
        }
        return total / d;
    }

    static double[] column(double[][] m, int k) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][k];
        }
        return c;
    }

    static double std(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / Math.max(1, v.length));
    }
}
