package io.chaoscast.models.earlyexit;

import io.chaoscast.models.data.Standardization;

/**
 * Training windows cut from trajectories: standardised contexts and their targets as scaled
 * increments from the last context state, flat and ready to become tensors.
 */
final class WindowSet {

    final int count;
    final int inputSize;
    final int outputSize;
    /** {@code [count * contextLength * dimension]} standardised states. */
    final float[] inputs;
    /** {@code [count * horizon * dimension]}: {@code (x(t+k) - x(t)) / incrementScale}, standardised. */
    final float[] targets;

    private WindowSet(int count, int inputSize, int outputSize, float[] inputs, float[] targets) {
        this.count = count;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.inputs = inputs;
        this.targets = targets;
    }

    /** Windows start every {@code stride} states. */
    static WindowSet of(double[][][] trajectories, EarlyExitSpec spec, int stride) {
        var a = spec.architecture();
        int l = a.contextLength();
        int h = a.horizon();
        int d = a.dimension();
        Standardization norm = spec.standardization();
        double[] scale = spec.incrementScale();
        int count = 0;
        for (double[][] t : trajectories) {
            int span = t.length - l - h;
            if (span >= 0) {
                count += span / stride + 1;
            }
        }
        int inputSize = a.inputSize();
        float[] in = new float[count * inputSize];
        float[] out = new float[count * h * d];
        int w = 0;
        for (double[][] raw : trajectories) {
            if (raw.length < l + h) {
                continue;
            }
            double[][] t = new double[raw.length][d];
            for (int i = 0; i < raw.length; i++) {
                for (int j = 0; j < d; j++) {
                    t[i][j] = norm.apply(j, raw[i][j]);
                }
            }
            for (int s = 0; s + l + h <= t.length; s += stride) {
                ContextEncoding.encode(t, s, l, a.quadraticInputs(), in, w * inputSize);
                double[] last = t[s + l - 1];
                int ob = w * h * d;
                for (int k = 0; k < h; k++) {
                    for (int j = 0; j < d; j++) {
                        double inc = t[s + l + k][j] - last[j];
                        out[ob + k * d + j] = (float) (inc / scale[k * d + j]);
                    }
                }
                w++;
            }
        }
        return new WindowSet(count, inputSize, h * d, in, out);
    }

    /** RMS of the standardised increments {@code x(t+k) - x(t)} per step ahead and dimension. */
    static double[] incrementScale(double[][][] trajectories, Standardization norm, int horizon) {
        int d = norm.dimension();
        double[] sum = new double[horizon * d];
        long[] n = new long[horizon * d];
        for (double[][] t : trajectories) {
            for (int s = 0; s + horizon < t.length; s++) {
                for (int k = 1; k <= horizon; k++) {
                    for (int j = 0; j < d; j++) {
                        double inc = norm.apply(j, t[s + k][j]) - norm.apply(j, t[s][j]);
                        sum[(k - 1) * d + j] += inc * inc;
                        n[(k - 1) * d + j]++;
                    }
                }
            }
        }
        double[] scale = new double[horizon * d];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = Math.max(Math.sqrt(sum[i] / Math.max(1, n[i])), 1e-9);
        }
        return scale;
    }
}
