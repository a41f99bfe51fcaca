package io.chaoscast.dynamics.metrics;

import java.util.Arrays;

/** The median of a sample: the middle value, or the mean of the two middle values of an even count. */
public final class Median {

    private Median() {}

    /** @param values not modified; at least one */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
