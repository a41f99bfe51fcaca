package io.chaoscast.dynamics.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap confidence interval of the mean (Efron and Tibshirani, "An Introduction
 * to the Bootstrap", 1993, ch. 13): resample the values with replacement, take each resample's
 * mean, and read the interval off the quantiles of those means. Seeded, so the same values always
 * give the same interval.
 *
 * @param n number of values
 * @param mean the sample mean
 * @param median the sample median
 * @param low lower end of the interval
 * @param high upper end of the interval
 */
public record BootstrapInterval(int n, double mean, double median, double low, double high) {

    public static final int RESAMPLES = 2000;
    public static final double LEVEL = 0.95;

    /** NaN ends when there are no values; a single value gives a zero-width interval. */
    public static BootstrapInterval of(double[] values, long seed) {
        int n = values.length;
        if (n == 0) {
            return new BootstrapInterval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double alpha = (1 - LEVEL) / 2;
        return new BootstrapInterval(n, mean, median, quantile(means, alpha), quantile(means, 1 - alpha));
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
