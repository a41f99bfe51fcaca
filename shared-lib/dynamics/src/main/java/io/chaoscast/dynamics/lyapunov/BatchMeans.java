package io.chaoscast.dynamics.lyapunov;

import java.util.ArrayList;
import java.util.List;

/**
 * Running sums of the log growth factors of {@code k} exponents, cut into batches of a fixed
 * length: the overall averages are the exponents, the spread of the batch averages their standard
 * errors.
 */
final class BatchMeans {

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

    /** Standard error of each exponent from the complete batches; NaN with fewer than two. */
    double[] standardErrors() {
        double[] se = new double[k];
        int b = means.size();
        for (int j = 0; j < k; j++) {
            if (b < 2) {
                se[j] = Double.NaN;
                continue;
            }
            double mean = 0;
            for (double[] m : means) {
                mean += m[j];
            }
            mean /= b;
            double ss = 0;
            for (double[] m : means) {
                ss += (m[j] - mean) * (m[j] - mean);
            }
            se[j] = Math.sqrt(ss / (b - 1) / b);
        }
        return se;
    }

    /**
     * Standard error of a function of the spectrum (the Kaplan-Yorke dimension), from its value on
     * each batch's spectrum; NaN with fewer than two batches or when it is undefined on some batch.
     */
    double standardErrorOf(java.util.function.ToDoubleFunction<double[]> f) {
        int b = means.size();
        if (b < 2) {
            return Double.NaN;
        }
        double[] v = new double[b];
        double mean = 0;
        for (int i = 0; i < b; i++) {
            v[i] = f.applyAsDouble(QrLyapunovEstimator.sortedDecreasing(means.get(i)));
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
