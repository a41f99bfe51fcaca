package io.chaoscast.models.data;

import java.util.Arrays;

/**
 * Per-dimension mean and standard deviation, computed on training data and stored with a model
 * so that inference standardises exactly as training did.
 */
public record Standardization(double[] mean, double[] std) {

    public Standardization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std must have the same length");
        }
        for (double s : std) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("std must be positive and finite, found " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    public static Standardization of(double[][][] trajectories) {
        int d = trajectories[0][0].length;
        double[] sum = new double[d];
        double[] sq = new double[d];
        long n = 0;
        for (double[][] traj : trajectories) {
            for (double[] x : traj) {
                for (int j = 0; j < d; j++) {
                    sum[j] += x[j];
                }
                n++;
            }
        }
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / n;
        }
        for (double[][] traj : trajectories) {
            for (double[] x : traj) {
                for (int j = 0; j < d; j++) {
                    double c = x[j] - mean[j];
                    sq[j] += c * c;
                }
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            std[j] = Math.max(Math.sqrt(sq[j] / Math.max(1, n - 1)), 1e-12);
        }
        return new Standardization(mean, std);
    }

    public int dimension() {
        return mean.length;
    }

    public double apply(int j, double x) {
        return (x - mean[j]) / std[j];
    }

    public double invert(int j, double z) {
        return z * std[j] + mean[j];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
