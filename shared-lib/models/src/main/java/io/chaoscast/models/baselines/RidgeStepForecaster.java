package io.chaoscast.models.baselines;

import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.linalg.RidgeAccumulator;

/**
 * A one-step model {@code x(t+1) = x(t) + Wᵀ φ(x(t), x(t-s), ...)} with a ridge readout: the
 * shared rollout of linear autoregression and NVAR, which differ only in their feature map.
 * Predicting the increment rather than the state follows Gauthier et al. (2021): the identity
 * part of the map need not be learnt, and for a smooth flow the increment is a small, well
 * conditioned target.
 */
public class RidgeStepForecaster extends RolloutForecaster {

    private final ForecasterSpec spec;
    private final FeatureSpec featureSpec;
    private final FeatureMap features;
    private final double[][] weights;
    /** The same weights by output, {@code [dimension][features]}: each increment is one contiguous dot product. */
    private final double[][] byOutput;
    private final double alpha;

    /**
     * @param type forecaster type reported in the spec
     * @param features the feature map
     * @param weights readout {@code [features][dimension]}
     * @param alpha the ridge penalty the weights were fitted with (for the record)
     */
    public RidgeStepForecaster(String type, FeatureSpec features, double[][] weights, double alpha) {
        this.featureSpec = features;
        this.features = features.build();
        if (weights.length != this.features.size() || weights[0].length != features.dimension()) {
            throw new IllegalArgumentException("weights must be " + this.features.size() + " x " + features.dimension()
                    + ", found " + weights.length + " x " + weights[0].length);
        }
        this.spec = new ForecasterSpec(type, this.features.window(), features.dimension(), 1, 1);
        this.weights = weights;
        this.byOutput = new double[features.dimension()][weights.length];
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < byOutput.length; j++) {
                byOutput[j][i] = weights[i][j];
            }
        }
        this.alpha = alpha;
    }

    public FeatureSpec features() {
        return featureSpec;
    }

    @Override
    public ForecasterSpec spec() {
        return spec;
    }

    /** The ridge penalty chosen on validation data. */
    public double alpha() {
        return alpha;
    }

    /** Readout weights {@code [features][dimension]}. */
    public double[][] weights() {
        double[][] w = new double[weights.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i].clone();
        }
        return w;
    }

    @Override
    protected double[][] rollout(double[][] context, int horizon) {
        int w = features.window();
        int d = spec.dimension();
        double[][] hist = new double[w + horizon][];
        System.arraycopy(context, 0, hist, 0, w);
        double[] phi = new double[features.size()];
        double[] inc = new double[d];
        for (int h = 0; h < horizon; h++) {
            int end = w - 1 + h;
            features.features(hist, end, phi);
            increments(phi, inc);
            double[] next = new double[d];
            for (int j = 0; j < d; j++) {
                next[j] = hist[end][j] + inc[j];
                if (!Double.isFinite(next[j])) {
                    // A diverged rollout stays diverged; keep it finite-shaped for the metrics.
                    next[j] = Double.MAX_VALUE;
                }
            }
            hist[end + 1] = next;
        }
        double[][] out = new double[horizon][];
        System.arraycopy(hist, w, out, 0, horizon);
        return out;
    }

    /**
     * {@code inc = Wᵀ φ}: the rollout runs on every forecast of a hybrid model (its base), so it
     * must be cheap. Contiguous dot products, each summed in feature order (the order of
     * RidgeAccumulator.apply), three outputs at a time: a sum's additions depend on each other, so
     * one dot product at a time waits on every addition, while three independent sums overlap.
     */
    private void increments(double[] phi, double[] inc) {
        int d = inc.length;
        int j = 0;
        for (; j + 2 < d; j += 3) {
            double[] w0 = byOutput[j];
            double[] w1 = byOutput[j + 1];
            double[] w2 = byOutput[j + 2];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < phi.length; i++) {
                double p = phi[i];
                s0 += p * w0[i];
                s1 += p * w1[i];
                s2 += p * w2[i];
            }
            inc[j] = s0;
            inc[j + 1] = s1;
            inc[j + 2] = s2;
        }
        for (; j < d; j++) {
            double[] wj = byOutput[j];
            double s = 0;
            for (int i = 0; i < phi.length; i++) {
                s += phi[i] * wj[i];
            }
            inc[j] = s;
        }
    }

    /**
     * Rows at a time in the batched rollout: the features of a block ({@code features x 64} doubles,
     * 230 KB for a cubic NVAR over 12 inputs) stay in the core's cache while the readout reads them.
     */
    private static final int ROW_BLOCK = 64;

    /**
     * The batched rollout: the hybrid early-exit model runs its base for every row of every
     * forecast, where one row at a time was most of a batch's cost. Loops run over rows innermost,
     * which the JIT vectorises; each row still sums its dot products in feature order, the order of
     * {@link #rollout}, so the results are the same bit for bit.
     */
    @Override
    protected double[][][] rollouts(double[][][] contexts, int horizon) {
        int rows = contexts.length;
        if (rows == 1) {
            return new double[][][] {rollout(contexts[0], horizon)};
        }
        int w = features.window();
        int d = spec.dimension();
        int block = Math.min(ROW_BLOCK, rows);
        double[][][] hist = new double[w + horizon][d][block];
        double[][] phi = new double[features.size()][block];
        double[][] inc = new double[d][block];
        double[][][] out = new double[rows][horizon][d];
        for (int from = 0; from < rows; from += block) {
            int n = Math.min(block, rows - from);
            for (int t = 0; t < w; t++) {
                for (int r = 0; r < n; r++) {
                    double[] x = contexts[from + r][t];
                    for (int j = 0; j < d; j++) {
                        hist[t][j][r] = x[j];
                    }
                }
            }
            for (int h = 0; h < horizon; h++) {
                int end = w - 1 + h;
                features.features(hist, end, n, phi);
                increments(phi, n, inc);
                double[][] prev = hist[end];
                double[][] next = hist[end + 1];
                for (int j = 0; j < d; j++) {
                    double[] pj = prev[j];
                    double[] nj = next[j];
                    double[] sj = inc[j];
                    for (int r = 0; r < n; r++) {
                        double v = pj[r] + sj[r];
                        // as in rollout: a diverged rollout stays diverged, finite-shaped
                        nj[r] = Double.isFinite(v) ? v : Double.MAX_VALUE;
                    }
                }
                for (int r = 0; r < n; r++) {
                    double[] o = out[from + r][h];
                    for (int j = 0; j < d; j++) {
                        o[j] = next[j][r];
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code inc[j][r] = Σ_i phi[i][r] w[i][j]} for rows {@code r < n}, each row's sum in feature
     * order (as {@link #increments(double[], double[])}), with the rows innermost.
     */
    private void increments(double[][] phi, int n, double[][] inc) {
        int d = inc.length;
        for (int j = 0; j < d; j++) {
            java.util.Arrays.fill(inc[j], 0, n, 0);
        }
        // Four features per sweep over the rows: each row's sum still adds them one after
        // the other, in feature order, but its running value is loaded and stored once per
        // four products instead of once per product.
        int i = 0;
        for (; i + 3 < phi.length; i += 4) {
            double[] p0 = phi[i];
            double[] p1 = phi[i + 1];
            double[] p2 = phi[i + 2];
            double[] p3 = phi[i + 3];
            for (int j = 0; j < d; j++) {
                double[] wj = byOutput[j];
                double w0 = wj[i];
                double w1 = wj[i + 1];
                double w2 = wj[i + 2];
                double w3 = wj[i + 3];
                double[] sj = inc[j];
                for (int r = 0; r < n; r++) {
                    sj[r] = (((sj[r] + p0[r] * w0) + p1[r] * w1) + p2[r] * w2) + p3[r] * w3;
                }
            }
        }
        for (; i < phi.length; i++) {
            double[] p = phi[i];
            for (int j = 0; j < d; j++) {
                double wji = byOutput[j][i];
                double[] sj = inc[j];
                for (int r = 0; r < n; r++) {
                    sj[r] += p[r] * wji;
                }
            }
        }
    }

    /** Accumulates the normal equations of every one-step pair in the trajectories. */
    static RidgeAccumulator accumulate(FeatureMap features, double[][][] trajectories, int dimension) {
        RidgeAccumulator acc = new RidgeAccumulator(features.size(), dimension);
        double[] phi = new double[features.size()];
        double[] inc = new double[dimension];
        for (double[][] traj : trajectories) {
            for (int end = features.window() - 1; end + 1 < traj.length; end++) {
                features.features(traj, end, phi);
                for (int j = 0; j < dimension; j++) {
                    inc[j] = traj[end + 1][j] - traj[end][j];
                }
                acc.add(phi, inc);
            }
        }
        return acc;
    }
}
