package io.chaoscast.dynamics.lyapunov;

import java.util.Arrays;

/**
 * Correlation dimension of a sampled attractor by Grassberger and Procaccia (1983): the fraction
 * {@code C(r)} of pairs of points closer than {@code r} scales as {@code r^D} for small {@code r}.
 *
 * <p>Instead of counting pairs on a grid of radii we sort the pair distances once and read off the
 * radius {@code r_q} below which a fraction {@code q} of the pairs lies, for {@code q} log-spaced
 * over {@link #Q_MIN} to {@link #Q_MAX}; {@code D} is the least-squares slope of {@code log q}
 * against {@code log r_q}. Pairs closer in time than the Theiler window are left out, since they
 * are close because of the flow's continuity, not because of the attractor's geometry. The
 * standard error is the spread of the same estimate over {@link #BLOCKS} disjoint blocks of
 * consecutive points (divided by the square root of their number); blocks hold fewer pairs, so it
 * errs on the large side.
 */
public final class CorrelationDimension {

    static final double Q_MIN = 1e-3;
    static final double Q_MAX = 3e-2;
    static final int RADII = 12;
    static final int BLOCKS = 5;

    /** The estimate and its standard error. */
    public record Estimate(double dimension, double standardError, int points) {}

    private CorrelationDimension() {}

    /**
     * @param points the sampled states, in time order, all of the same length
     * @param theilerWindow pairs with {@code |i - j| <= theilerWindow} are excluded
     */
    public static Estimate estimate(double[][] points, int theilerWindow) {
        double d = slope(points, 0, points.length, theilerWindow);
        int blockSize = points.length / BLOCKS;
        double[] blocks = new double[BLOCKS];
        double mean = 0;
        for (int b = 0; b < BLOCKS; b++) {
            blocks[b] = slope(points, b * blockSize, (b + 1) * blockSize, theilerWindow);
            mean += blocks[b];
        }
        mean /= BLOCKS;
        double ss = 0;
        for (double v : blocks) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (BLOCKS - 1) / BLOCKS);
        return new Estimate(d, se, points.length);
    }

    /** The estimate over all of {@code points}, without its standard error. */
    public static double dimension(double[][] points, int theilerWindow) {
        return slope(points, 0, points.length, theilerWindow);
    }

    static double slope(double[][] points, int from, int to, int theilerWindow) {
        int n = to - from;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            pairs += Math.max(0, n - i - theilerWindow - 1);
        }
        if (pairs < 100) {
            return Double.NaN;
        }
        // Squared distances: the order, and so every quantile, is the same as for distances.
        double[] dist = new double[(int) pairs];
        int m = 0;
        for (int i = from; i < to; i++) {
            double[] a = points[i];
            for (int j = i + theilerWindow + 1; j < to; j++) {
                double[] b = points[j];
                double s = 0;
                for (int k = 0; k < a.length; k++) {
                    double diff = a[k] - b[k];
                    s += diff * diff;
                }
                dist[m++] = s;
            }
        }
        Arrays.sort(dist);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int used = 0;
        for (int r = 0; r < RADII; r++) {
            double q = Q_MIN * Math.pow(Q_MAX / Q_MIN, r / (double) (RADII - 1));
            int index = (int) Math.min(dist.length - 1, Math.round(q * dist.length));
            double r2 = dist[index];
            if (!(r2 > 0)) {
                continue; // a periodic orbit sampled in step with its period repeats points exactly
            }
            double x = 0.5 * Math.log(r2);
            double y = Math.log(q);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            used++;
        }
        if (used < 3) {
            return 0.0; // every close pair at distance zero: a fixed point or a sampled cycle
        }
        double denom = used * sxx - sx * sx;
        return denom > 0 ? (used * sxy - sx * sy) / denom : Double.NaN;
    }
}
