package io.chaoscast.models.baselines;

import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.data.Standardization;
import io.chaoscast.models.linalg.RidgeAccumulator;
import java.util.SplittableRandom;

/**
 * Echo state network (Jaeger 2001; leaky form of Lukoševičius 2012): a fixed random sparse
 * reservoir {@code r ← (1-a) r + a tanh(W r + W_in [1; u])}, its recurrent matrix scaled to a
 * chosen spectral radius, and a ridge readout from {@code [1; u; r]} to the next increment.
 * Inputs are standardised. A forecast first drives the reservoir with the context (teacher
 * forcing, the warm-up) and then runs on its own output.
 */
public final class EchoStateNetwork extends RolloutForecaster {

    /** The registry name ({@link io.chaoscast.models.ModelType}). */
    public static final String TYPE = io.chaoscast.models.ModelType.ESN.id();

    /**
     * @param reservoirSize number of reservoir units
     * @param degree mean number of non-zero recurrent weights per unit
     * @param spectralRadius target spectral radius of {@code W}
     * @param leakRate {@code a} in (0, 1]
     * @param inputScaling scale of the uniform input weights
     * @param warmup context states that drive the reservoir before a forecast (the context length)
     * @param seed reservoir seed
     */
    public record Settings(
            int reservoirSize,
            int degree,
            double spectralRadius,
            double leakRate,
            double inputScaling,
            int warmup,
            long seed) {

        public static final Settings DEFAULT = new Settings(400, 4, 0.9, 0.5, 0.5, 200, 7L);

        public Settings {
            if (reservoirSize < 1 || degree < 1 || warmup < 1) {
                throw new IllegalArgumentException("reservoirSize, degree and warmup must be >= 1");
            }
            if (!(leakRate > 0 && leakRate <= 1)) {
                throw new IllegalArgumentException("leakRate must be in (0, 1], found " + leakRate);
            }
            if (!(spectralRadius > 0) || !(inputScaling > 0)) {
                throw new IllegalArgumentException("spectralRadius and inputScaling must be positive");
            }
        }
    }

    private final Settings settings;
    private final Standardization norm;
    private final ForecasterSpec spec;
    private final int[][] cols; // sparse W: per row, the column indices
    private final double[][] vals; // and the values
    private final double[][] win; // [unit][1 + dim]
    private final double[][] wout; // [1 + dim + units][dim]

    private EchoStateNetwork(Settings s, Standardization norm, int[][] cols, double[][] vals, double[][] win, double[][] wout) {
        this.settings = s;
        this.norm = norm;
        this.spec = new ForecasterSpec(TYPE, s.warmup(), norm.dimension(), 1, 1);
        this.cols = cols;
        this.vals = vals;
        this.win = win;
        this.wout = wout;
    }

    @Override
    public ForecasterSpec spec() {
        return spec;
    }

    public Settings settings() {
        return settings;
    }

    /** The fixed random part, regenerated from the settings' seed. */
    private record Reservoir(int[][] cols, double[][] vals, double[][] win) {}

    private static Reservoir reservoir(Settings s, int d) {
        SplittableRandom rng = new SplittableRandom(s.seed());
        int n = s.reservoirSize();
        int[][] cols = new int[n][s.degree()];
        double[][] vals = new double[n][s.degree()];
        SplittableRandom wr = rng.split();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < s.degree(); k++) {
                cols[i][k] = wr.nextInt(n);
                vals[i][k] = wr.nextDouble(-1, 1);
            }
        }
        double rho = spectralRadius(cols, vals, rng.split());
        for (double[] row : vals) {
            for (int k = 0; k < row.length; k++) {
                row[k] *= s.spectralRadius() / rho;
            }
        }
        double[][] win = new double[n][1 + d];
        SplittableRandom ir = rng.split();
        for (double[] row : win) {
            for (int k = 0; k < row.length; k++) {
                row[k] = ir.nextDouble(-s.inputScaling(), s.inputScaling());
            }
        }
        return new Reservoir(cols, vals, win);
    }

    /**
     * Rebuilds a trained network from its settings (the reservoir is regenerated from the seed),
     * its input statistics and its readout {@code [1 + dimension + reservoirSize][dimension]}.
     */
    public static EchoStateNetwork of(Settings s, Standardization norm, double[][] readout) {
        int d = norm.dimension();
        if (readout.length != 1 + d + s.reservoirSize() || readout[0].length != d) {
            throw new IllegalArgumentException("readout must be " + (1 + d + s.reservoirSize()) + " x " + d);
        }
        Reservoir res = reservoir(s, d);
        return new EchoStateNetwork(s, norm, res.cols(), res.vals(), res.win(), readout);
    }

    public Standardization standardization() {
        return norm;
    }

    /** A copy of the readout weights. */
    public double[][] readout() {
        double[][] w = new double[wout.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = wout[i].clone();
        }
        return w;
    }

    /** Fits the readout on the training trajectories with ridge penalty chosen on validation rollouts. */
    public static EchoStateNetwork fitTuned(double[][][] train, double[][][] validation, Settings s, int tuneHorizon) {
        Standardization norm = Standardization.of(train);
        int d = norm.dimension();
        int n = s.reservoirSize();
        Reservoir res = reservoir(s, d);
        int[][] cols = res.cols();
        double[][] vals = res.vals();
        double[][] win = res.win();
        EchoStateNetwork shell = new EchoStateNetwork(s, norm, cols, vals, win, null);
        RidgeAccumulator acc = new RidgeAccumulator(1 + d + n, d);
        double[] feat = new double[1 + d + n];
        double[] target = new double[d];
        for (double[][] traj : train) {
            double[] r = new double[n];
            double[] u = new double[d];
            for (int t = 0; t + 1 < traj.length; t++) {
                shell.standardise(traj[t], u);
                shell.update(r, u);
                if (t >= s.warmup()) {
                    shell.features(u, r, feat);
                    for (int j = 0; j < d; j++) {
                        target[j] = norm.apply(j, traj[t + 1][j]) - u[j];
                    }
                    acc.add(feat, target);
                }
            }
        }
        return RidgeTuning.best(
                RidgeTuning.DEFAULT_ALPHAS,
                a -> new EchoStateNetwork(s, norm, cols, vals, win, acc.solve(a)),
                validation,
                tuneHorizon,
                32);
    }

    /** Estimates the spectral radius as the asymptotic growth rate of {@code ‖Wᵏv‖}. */
    static double spectralRadius(int[][] cols, double[][] vals, SplittableRandom rng) {
        int n = cols.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        double logSum = 0;
        int counted = 0;
        for (int it = 0; it < 400; it++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < cols[i].length; k++) {
                    s += vals[i][k] * v[cols[i][k]];
                }
                w[i] = s;
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 1e-12;
            }
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
            if (it >= 200) {
                logSum += Math.log(norm);
                counted++;
            }
        }
        return Math.exp(logSum / counted);
    }

    private void standardise(double[] x, double[] u) {
        for (int j = 0; j < u.length; j++) {
            u[j] = norm.apply(j, x[j]);
        }
    }

    private void update(double[] r, double[] u) {
        int n = r.length;
        double a = settings.leakRate();
        double[] pre = new double[n];
        for (int i = 0; i < n; i++) {
            double s = win[i][0];
            for (int j = 0; j < u.length; j++) {
                s += win[i][1 + j] * u[j];
            }
            for (int k = 0; k < cols[i].length; k++) {
                s += vals[i][k] * r[cols[i][k]];
            }
            pre[i] = s;
        }
        for (int i = 0; i < n; i++) {
            r[i] = (1 - a) * r[i] + a * Math.tanh(pre[i]);
        }
    }

    private void features(double[] u, double[] r, double[] out) {
        out[0] = 1;
        System.arraycopy(u, 0, out, 1, u.length);
        System.arraycopy(r, 0, out, 1 + u.length, r.length);
    }

    @Override
    protected double[][] rollout(double[][] context, int horizon) {
        int d = spec.dimension();
        int n = settings.reservoirSize();
        double[] r = new double[n];
        double[] u = new double[d];
        for (int t = 0; t < context.length - 1; t++) {
            standardise(context[t], u);
            update(r, u);
        }
        standardise(context[context.length - 1], u);
        double[] feat = new double[1 + d + n];
        double[] inc = new double[d];
        double[][] out = new double[horizon][d];
        for (int h = 0; h < horizon; h++) {
            update(r, u);
            features(u, r, feat);
            RidgeAccumulator.apply(wout, feat, inc);
            for (int j = 0; j < d; j++) {
                u[j] += inc[j];
                double x = norm.invert(j, u[j]);
                out[h][j] = Double.isFinite(x) ? x : Double.MAX_VALUE;
            }
        }
        return out;
    }
}
