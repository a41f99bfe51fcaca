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
        ResidualBase base = spec.base();
        var baseModel = base == null ? null : base.model();
        int baseOffset = a.inputSize() - (base == null ? 0 : h * d);
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
            double[][][] baseStd = null;
            if (base != null) {
                int windows = (t.length - l - h) / stride + 1;
                int[] ends = new int[windows];
                double[][][] same = new double[windows][][];
                for (int i = 0; i < windows; i++) {
                    ends[i] = i * stride + l - 1;
                    same[i] = t;
                }
                baseStd = ResidualBase.forecast(baseModel, norm, same, ends, h);
            }
            int first = w;
            for (int s = 0; s + l + h <= t.length; s += stride) {
                ContextEncoding.encode(t, s, l, a.quadraticInputs(), in, w * inputSize);
                double[] last = t[s + l - 1];
                double[][] from = null;
                if (base != null) {
                    from = baseStd[w - first];
                    base.encode(from, last, in, w * inputSize + baseOffset);
                }
                int ob = w * h * d;
                for (int k = 0; k < h; k++) {
                    for (int j = 0; j < d; j++) {
                        // Without a base: the increment from the last state; with one: the base's error.
                        double inc = t[s + l + k][j] - (from == null ? last[j] : from[k][j]);
                        out[ob + k * d + j] = (float) (inc / scale[k * d + j]);
                    }
                }
                w++;
            }
        }
        return new WindowSet(count, inputSize, h * d, in, out);
    }

    /**
     * Windows from given contexts and futures (raw units), encoded exactly as {@link #of} encodes
     * windows cut from trajectories: for rollout training, where a context ends with the model's
     * own forecast and the future is the truth.
     *
     * @param contexts {@code [n][contextLength][dimension]}
     * @param futures {@code [n][horizon][dimension]}
     */
    static WindowSet ofContexts(double[][][] contexts, double[][][] futures, EarlyExitSpec spec) {
        var a = spec.architecture();
        int l = a.contextLength();
        int h = a.horizon();
        int d = a.dimension();
        int n = contexts.length;
        Standardization norm = spec.standardization();
        double[] scale = spec.incrementScale();
        ResidualBase base = spec.base();
        int inputSize = a.inputSize();
        int baseOffset = inputSize - (base == null ? 0 : h * d);
        double[][][] std = new double[n][l][d];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < l; k++) {
                for (int j = 0; j < d; j++) {
                    std[r][k][j] = norm.apply(j, contexts[r][k][j]);
                }
            }
        }
        double[][][] baseStd = null;
        // No contexts (every rollout window left the attractor's range): an empty set, no base call.
        if (base != null && n > 0) {
            int[] ends = new int[n];
            java.util.Arrays.fill(ends, l - 1);
            baseStd = ResidualBase.forecast(base.model(), norm, std, ends, h);
        }
        float[] in = new float[n * inputSize];
        float[] out = new float[n * h * d];
        for (int r = 0; r < n; r++) {
            ContextEncoding.encode(std[r], 0, l, a.quadraticInputs(), in, r * inputSize);
            double[] last = std[r][l - 1];
            if (base != null) {
                base.encode(baseStd[r], last, in, r * inputSize + baseOffset);
            }
            for (int k = 0; k < h; k++) {
                for (int j = 0; j < d; j++) {
                    double from = base == null ? last[j] : baseStd[r][k][j];
                    out[(r * h + k) * d + j] = (float) ((norm.apply(j, futures[r][k][j]) - from) / scale[k * d + j]);
                }
            }
        }
        return new WindowSet(n, inputSize, h * d, in, out);
    }

    /** Divides every target by {@code scale[k]} (per output): from unit scale to the model's. */
    void rescaleTargets(double[] scale) {
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (float) (targets[i] / scale[i % outputSize]);
        }
    }

    /** RMS of the targets per output, at least 1e-9. */
    double[] targetRms() {
        double[] sum = new double[outputSize];
        for (int i = 0; i < targets.length; i++) {
            sum[i % outputSize] += (double) targets[i] * targets[i];
        }
        for (int k = 0; k < outputSize; k++) {
            sum[k] = Math.max(Math.sqrt(sum[k] / Math.max(1, count)), 1e-9);
        }
        return sum;
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
