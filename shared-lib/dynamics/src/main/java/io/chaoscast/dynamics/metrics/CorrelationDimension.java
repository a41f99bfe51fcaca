package io.chaoscast.dynamics.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The correlation dimension of a set of points by Grassberger and Procaccia ("Characterization of
 * strange attractors", Phys. Rev. Lett. 50, 346, 1983): the slope of log C(r) against log r, where
 * C(r) is the fraction of point pairs closer than r. The slope is fitted by least squares over radii
 * between the {@value #LOW_QUANTILE} and {@value #HIGH_QUANTILE} quantiles of the pair distances,
 * away from the noise floor and from the attractor's size. Points beyond {@value #MAX_POINTS} are
 * subsampled (seeded) so that the cost stays bounded.
 */
public final class CorrelationDimension {

    static final int MAX_POINTS = 1500;
    static final double LOW_QUANTILE = 0.002;
    static final double HIGH_QUANTILE = 0.05;
    static final int RADII = 12;

    private CorrelationDimension() {}

    /** NaN when fewer than 10 distinct points. */
    public static double of(double[][] points) {
        double[][] p = subsample(points, MAX_POINTS, 17);
        int n = p.length;
        double[] dist = new double[n * (n - 1) / 2];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < p[i].length; k++) {
                    double dk = p[i][k] - p[j][k];
                    s += dk * dk;
                }
                dist[m++] = Math.sqrt(s);
            }
        }
        if (n < 10) {
            return Double.NaN;
        }
        Arrays.sort(dist);
        double lo = dist[(int) (LOW_QUANTILE * (dist.length - 1))];
        double hi = dist[(int) (HIGH_QUANTILE * (dist.length - 1))];
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            return Double.NaN;
        }
        double[] x = new double[RADII];
        double[] y = new double[RADII];
        for (int r = 0; r < RADII; r++) {
            double radius = lo * Math.pow(hi / lo, r / (double) (RADII - 1));
            int below = upperBound(dist, radius);
            x[r] = Math.log(radius);
            y[r] = Math.log(below / (double) dist.length);
        }
        return slope(x, y);
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

    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
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
