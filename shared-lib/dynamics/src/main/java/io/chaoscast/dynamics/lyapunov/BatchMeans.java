package io.chaoscast.dynamics.lyapunov;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Running sums of the log growth factors of {@code k} exponents, cut into batches of a fixed
 * length: the overall averages are the exponents; the spread of the batch averages, or of the
 * averages of groups of consecutive batches where that is larger, their standard errors.
 */
final class BatchMeans {

    /** Most groups of consecutive batches behind the second error estimate. */
    static final int GROUPS = 20;

    private final int k;
    private final double batchLength;
    private final double[] totals;
    private final double[] batch;
    private double batchTime;
    private double totalTime;
    private final List<double[]> means = new ArrayList<>();

    BatchMeans(int k, double batchLength) {
        this.k = k;
        this.batchLength = batchLength;
        this.totals = new double[k];
        this.batch = new double[k];
    }

    /** Adds one renormalisation: {@code logs[j] = log R_jj} over {@code dt}. Returns true when a batch closed. */
    boolean add(double[] logs, double dt) {
        for (int j = 0; j < k; j++) {
            totals[j] += logs[j];
            batch[j] += logs[j];
        }
        totalTime += dt;
        batchTime += dt;
        // The small slack keeps a batch that ends on a rounding error of its length from spilling over.
        if (batchTime >= batchLength * (1 - 1e-9)) {
            double[] m = new double[k];
            for (int j = 0; j < k; j++) {
                m[j] = batch[j] / batchTime;
                batch[j] = 0;
            }
            means.add(m);
            batchTime = 0;
            return true;
        }
        return false;
    }

    double totalTime() {
        return totalTime;
    }

    int batches() {
        return means.size();
    }

    /** Exponents: totals over the whole time, partial batch included. */
    double[] exponents() {
        double[] e = new double[k];
        for (int j = 0; j < k; j++) {
            e[j] = totals[j] / totalTime;
        }
        return e;
    }

    /**
     * Standard error of each exponent from the complete batches; NaN with fewer than two. Batches of
     * a few periods are nearly independent for most flows, but not where the orbit lingers for
     * hundreds of periods (sticky islands of the blinking flows): there their spread understates
     * the error by a factor of four. So the error is also taken from the means of groups of
     * consecutive batches ({@link #groupMeans}), whose length grows with the run, and the larger
     * of the two is answered.
     */
    double[] standardErrors() {
        List<double[]> groups = groupMeans();
        double[] se = new double[k];
        for (int j = 0; j < k; j++) {
            final int jj = j;
            se[j] = larger(standardError(means, m -> m[jj], false), standardError(groups, m -> m[jj], false));
        }
        return se;
    }

    /**
     * Standard error of a function of the spectrum (the Kaplan-Yorke dimension), from its value on
     * each batch's and each group's sorted spectrum, as for {@link #standardErrors()}; NaN with
     * fewer than two batches or when it is undefined on some batch.
     */
    double standardErrorOf(ToDoubleFunction<double[]> f) {
        return larger(standardError(means, f, true), standardError(groupMeans(), f, true));
    }

    /**
     * Means of {@link #GROUPS} equal groups of the latest consecutive batches, or of half as many
     * groups as there are batches while that is fewer (groups of two from the least 20 batches of
     * an adaptive run on); empty below four batches. The few earliest batches left over count in
     * the exponents, not in this error.
     */
    private List<double[]> groupMeans() {
        int count = Math.min(GROUPS, means.size() / 2);
        if (count < 2) {
            return List.of();
        }
        int size = means.size() / count;
        List<double[]> groups = new ArrayList<>(count);
        for (int g = 0, start = means.size() - count * size; g < count; g++, start += size) {
            double[] m = new double[k];
            for (double[] batchMean : means.subList(start, start + size)) {
                for (int j = 0; j < k; j++) {
                    m[j] += batchMean[j] / size;
                }
            }
            groups.add(m);
        }
        return groups;
    }

    /** The larger error; the groups' is NaN when there are none. */
    private static double larger(double batches, double groups) {
        return Double.isNaN(groups) ? batches : Math.max(batches, groups);
    }

    private static double standardError(List<double[]> samples, ToDoubleFunction<double[]> f, boolean sorted) {
        int b = samples.size();
        if (b < 2) {
            return Double.NaN;
        }
        double[] v = new double[b];
        double mean = 0;
        for (int i = 0; i < b; i++) {
            double[] m = samples.get(i);
            v[i] = f.applyAsDouble(sorted ? QrLyapunovEstimator.sortedDecreasing(m) : m);
            mean += v[i];
        }
        mean /= b;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (b - 1) / b);
    }
}
