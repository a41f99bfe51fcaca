package io.chaoscast.models.earlyexit;

import io.chaoscast.models.linalg.RidgeAccumulator;

/**
 * Decides each row's exit depth once per pass, on the host, before any block runs: a ridge
 * regression from a few cheap features of the network input to the log of each exit's one-pass
 * error over full depth's. Its cost is a few hundred multiply-adds per row, against a block's
 * hundred thousand, and it needs no device round trip, so a pass runs exactly the blocks it uses
 * (the per-block uncertainty module costs about a block at batch 1 and needs a host copy after
 * every block).
 *
 * <p>Features, all read from the encoded network input: a constant, the last standardised state,
 * its unique quadratic monomials (where a flow is on its attractor, e.g. near Lorenz's saddle,
 * decides how hard the next steps are), the last increment (speed), and with a base model the
 * base forecast's last step (where the base thinks the flow goes).
 *
 * @param weights {@code [features][blocks - 1]}: predicted {@code log((e_i + c) / (e_N + c))}
 */
public record ExitRouter(int contextLength, int dimension, boolean base, double[][] weights) {

    /** Ridge penalty on unit-RMS features: small, the model is tiny and the data plentiful. */
    static final double ALPHA = 1e-3;

    public ExitRouter {
        if (weights.length != featureCount(contextLength, dimension, base)) {
            throw new IllegalArgumentException("router weights must have " + featureCount(contextLength, dimension, base)
                    + " rows, found " + weights.length);
        }
    }

    /** Weights by exit, {@code [exit][feature]}, for the decision's contiguous dot products (a copy: cache it). */
    double[][] byExit() {
        double[][] t = new double[exits()][weights.length];
        for (int k = 0; k < weights.length; k++) {
            for (int i = 0; i < t.length; i++) {
                t[i][k] = weights[k][i];
            }
        }
        return t;
    }

    static int featureCount(int contextLength, int dimension, boolean base) {
        return 1 + dimension + dimension * (dimension + 1) / 2 + (contextLength > 1 ? dimension : 0) + (base ? dimension : 0);
    }

    /** Number of early exits it scores (blocks − 1). */
    public int exits() {
        return weights[0].length;
    }

    /** Writes the features of the row at {@code offset} of {@code input} into {@code f}. */
    static void features(
            float[] input, int offset, int inputSize, int contextLength, int dimension, boolean base, double[] f) {
        int d = dimension;
        int last = offset + (contextLength - 1) * d;
        int q = 0;
        f[q++] = 1;
        for (int j = 0; j < d; j++) {
            f[q++] = input[last + j];
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                f[q++] = (double) input[last + a] * input[last + b];
            }
        }
        if (contextLength > 1) {
            for (int j = 0; j < d; j++) {
                f[q++] = input[last + j] - input[last - d + j];
            }
        }
        if (base) {
            int from = offset + inputSize - d;
            for (int j = 0; j < d; j++) {
                f[q++] = input[from + j];
            }
        }
    }

    /**
     * Uncertainty-like scores for exits 1..N−1: the logistic function of the predicted log error
     * ratio {@code s_i}, {@code u_i = 1 / (1 + e^(−s_i))} in (0, 1), so {@code dynamic(t)} keeps its
     * meaning (exit at the first block whose score is below {@code t}; 0 never exits early, 1
     * always exits at the first block); {@code u < 0.5} means the exit is predicted to be no worse
     * than full depth. The logistic keeps the ranking among windows everywhere (a clamp at zero
     * would tie every window predicted to gain).
     *
     * @param scratch features buffer, {@link #featureCount} long
     * @param u receives {@code blocks − 1} scores
     */
    void scores(float[] input, int offset, int inputSize, double[] scratch, double[] u) {
        features(input, offset, inputSize, contextLength, dimension, base, scratch);
        int n = exits();
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < scratch.length; k++) {
                s += scratch[k] * weights[k][i];
            }
            u[i] = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, s))));
        }
    }

    /**
     * The decision itself, as cheap as it can be: exit scores are computed in order and only until
     * the first below the threshold (most rows stop after a few), compared in logit space (no
     * exponential per exit). Equals {@code depth(scores(...), threshold, blocks)}.
     *
     * @param w {@link #byExit()}
     * @param logitThreshold {@code ln(t / (1 − t))} for threshold {@code t}
     * @param score receives, at index 0, the chosen exit's score {@code u} (0 at full depth)
     * @return the depth, 1-based
     */
    int decide(
            double[][] w,
            float[] input,
            int offset,
            int inputSize,
            double[] scratch,
            double logitThreshold,
            int blocks,
            double[] score) {
        features(input, offset, inputSize, contextLength, dimension, base, scratch);
        for (int i = 0; i < blocks - 1; i++) {
            double[] wi = w[i];
            double s = 0;
            for (int k = 0; k < scratch.length; k++) {
                s += scratch[k] * wi[k];
            }
            s = Math.max(-30, Math.min(30, s));
            if (s < logitThreshold) {
                score[0] = 1 / (1 + Math.exp(-s));
                return i + 1;
            }
        }
        score[0] = 0;
        return blocks;
    }

    static double logit(double threshold) {
        if (threshold <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (threshold >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log(threshold / (1 - threshold));
    }

    /** The depth (1-based) the threshold gives for these scores: the first exit scoring below it. */
    static int depth(double[] u, double threshold, int blocks) {
        for (int i = 0; i < blocks - 1; i++) {
            if (u[i] < threshold) {
                return i + 1;
            }
        }
        return blocks;
    }

    /**
     * Fits the router on windows with every exit's per-window error ({@code mse[exit][window]},
     * one pass from true contexts).
     */
    static ExitRouter fit(EarlyExitArchitecture a, float[] inputs, int windows, double[][] mse) {
        int n = a.blocks();
        boolean base = a.hasBase();
        int f = featureCount(a.contextLength(), a.dimension(), base);
        double meanFull = 0;
        for (double v : mse[n - 1]) {
            meanFull += v;
        }
        // Floors the ratio where full depth is almost exact, so a lucky window does not dominate.
        double c = 1e-3 * meanFull / Math.max(1, windows) + 1e-300;
        RidgeAccumulator acc = new RidgeAccumulator(f, Math.max(1, n - 1));
        double[] x = new double[f];
        double[] y = new double[Math.max(1, n - 1)];
        for (int r = 0; r < windows; r++) {
            features(inputs, r * a.inputSize(), a.inputSize(), a.contextLength(), a.dimension(), base, x);
            for (int i = 0; i < n - 1; i++) {
                y[i] = Math.log((mse[i][r] + c) / (mse[n - 1][r] + c));
            }
            acc.add(x, y);
        }
        double[][] w = acc.solveScaled(ALPHA);
        if (n == 1) {
            w = new double[f][0];
        }
        return new ExitRouter(a.contextLength(), a.dimension(), base, w);
    }
}
