package io.chaoscast.models.linalg;

/**
 * Closed-form ridge regression {@code W = (XᵀX + αI)⁻¹ XᵀY}, accumulating the normal equations
 * one sample at a time so that the design matrix is never held, and solving them by Cholesky
 * for as many {@code α} as the caller wants to try.
 */
public final class RidgeAccumulator {

    private final int features;
    private final int outputs;
    private final double[][] xtx;
    private final double[][] xty;
    private long samples;

    public RidgeAccumulator(int features, int outputs) {
        if (features < 1 || outputs < 1) {
            throw new IllegalArgumentException("features and outputs must be >= 1, found " + features + ", " + outputs);
        }
        this.features = features;
        this.outputs = outputs;
        this.xtx = new double[features][features];
        this.xty = new double[features][outputs];
    }

    public void add(double[] x, double[] y) {
        for (int i = 0; i < features; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            double[] row = xtx[i];
            for (int j = i; j < features; j++) {
                row[j] += xi * x[j];
            }
            double[] r = xty[i];
            for (int k = 0; k < outputs; k++) {
                r[k] += xi * y[k];
            }
        }
        samples++;
    }

    public long samples() {
        return samples;
    }

    /**
     * @param alpha ridge penalty, {@code >= 0}, added to every diagonal entry
     * @return weights {@code [features][outputs]}, so that {@code y = xᵀW}
     * @throws IllegalStateException when the system is not positive definite (try a larger α)
     */
    public double[][] solve(double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("ridge alpha must be >= 0, found " + alpha);
        }
        double[][] a = new double[features][features];
        for (int i = 0; i < features; i++) {
            for (int j = i; j < features; j++) {
                a[i][j] = xtx[i][j];
                a[j][i] = xtx[i][j];
            }
            a[i][i] += alpha;
        }
        double[][] l = cholesky(a);
        double[][] w = new double[features][outputs];
        double[] col = new double[features];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < features; i++) {
                col[i] = xty[i][k];
            }
            double[] sol = choleskySolve(l, col);
            for (int i = 0; i < features; i++) {
                w[i][k] = sol[i];
            }
        }
        return w;
    }

    /**
     * Ridge with every feature scaled to unit root mean square before the penalty is applied,
     * then the weights scaled back: the same model family, but the penalty acts evenly on
     * features of very different magnitude (raw Lorenz states are about 10, their squares about
     * 500) and the normal equations are far better conditioned for the Cholesky solve.
     */
    public double[][] solveScaled(double alpha) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("ridge alpha must be >= 0, found " + alpha);
        }
        double n = Math.max(1, samples);
        double[] s = new double[features];
        for (int i = 0; i < features; i++) {
            double rms = Math.sqrt(xtx[i][i] / n);
            s[i] = rms > 0 ? rms : 1;
        }
        double[][] a = new double[features][features];
        for (int i = 0; i < features; i++) {
            for (int j = i; j < features; j++) {
                double v = xtx[i][j] / (n * s[i] * s[j]);
                a[i][j] = v;
                a[j][i] = v;
            }
            a[i][i] += alpha;
        }
        double[][] l = cholesky(a);
        double[][] w = new double[features][outputs];
        double[] col = new double[features];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < features; i++) {
                col[i] = xty[i][k] / (n * s[i]);
            }
            double[] sol = choleskySolve(l, col);
            for (int i = 0; i < features; i++) {
                w[i][k] = sol[i] / s[i];
            }
        }
        return w;
    }

    /** Lower-triangular {@code L} with {@code A = LLᵀ}. */
    public static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0)) {
                throw new IllegalStateException(
                        "normal equations are not positive definite at column " + j + "; increase the ridge alpha");
            }
            double d = Math.sqrt(s);
            l[j][j] = d;
            for (int i = j + 1; i < n; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / d;
            }
        }
        return l;
    }

    /** Solves {@code LLᵀx = b}. */
    public static double[] choleskySolve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** {@code y = xᵀW}. */
    public static double[] apply(double[][] w, double[] x, double[] out) {
        int outputs = w[0].length;
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            double[] row = w[i];
            for (int k = 0; k < outputs; k++) {
                out[k] += xi * row[k];
            }
        }
        return out;
    }
}
