package io.chaoscast.dynamics.catalog;

import io.chaoscast.dynamics.integration.TrajectorySink;

/**
 * Per-dimension mean and standard deviation of a streamed trajectory (Welford's update, so long
 * runs do not lose precision), plus the largest magnitude seen.
 */
final class RunningMoments implements TrajectorySink {

    private final Observable observable;
    private final double[] mean;
    private final double[] m2;
    private final double[] observed;
    private double maxAbs;
    private long count;

    /** Maps a state to what is compared with dysts (identity except for phase and angle variables). */
    @FunctionalInterface
    interface Observable {
        void apply(double[] state, double[] out);
    }

    RunningMoments(int dimension, Observable observable) {
        this.observable = observable;
        this.mean = new double[dimension];
        this.m2 = new double[dimension];
        this.observed = new double[dimension];
    }

    @Override
    public void accept(int index, double[] state) {
        for (double v : state) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        observable.apply(state, observed);
        count++;
        for (int i = 0; i < observed.length; i++) {
            double delta = observed[i] - mean[i];
            mean[i] += delta / count;
            m2[i] += delta * (observed[i] - mean[i]);
        }
    }

    double[] mean() {
        return mean.clone();
    }

    /** Population standard deviation, as numpy's default {@code std}. */
    double[] std() {
        double[] s = new double[m2.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(m2[i] / count);
        }
        return s;
    }

    double maxAbs() {
        return maxAbs;
    }

    long count() {
        return count;
    }
}
