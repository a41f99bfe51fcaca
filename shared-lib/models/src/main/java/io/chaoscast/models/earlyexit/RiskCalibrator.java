package io.chaoscast.models.earlyexit;

import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.calibration.RiskPoint;
import io.chaoscast.models.calibration.WindowLosses;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Calibrates the dynamic exit policy on the forecast a user receives: fits the {@link ExitRouter}
 * on training windows, then measures, on held-out calibration windows, the rollout loss of every
 * threshold of a grid through the real inference path (so what is calibrated is exactly what is
 * served), and stores the sufficient statistics of Learn-then-Test ({@link RiskCalibration}).
 */
public final class RiskCalibrator {

    /** Tolerances at which the oracle depth is stored. */
    static final double[] ORACLE_TOLERANCES = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5};

    /**
     * Steps per scale of the threshold grid (quantiles of the router's scores). More thresholds
     * do not weaken the guarantee (fixed-sequence testing needs no multiplicity correction); each
     * costs one rollout of the calibration windows (a fraction of a second for the default model).
     */
    static final int GRID = 24;

    private RiskCalibrator() {}

    /**
     * Per-window rollout losses of a grid of policies and of every fixed depth. Policy {@code t}
     * is {@code dynamic(thresholds[t])}, capped at {@code caps[t]} blocks where that is above 0: the
     * measured thresholds first, then every fixed depth from {@code blocks − 1} down to 1 (threshold
     * 0 under a cap, the same rollouts as {@code fixedLoss}).
     */
    public record Losses(
            int blocks,
            double[] thresholds,
            int[] caps,
            double[][] loss,
            double[][] depth,
            double[] relativeMse,
            double[][] fixedLoss,
            double referenceMse) {

        /** Index of the policy with this threshold and cap (0: none), or −1. */
        public int indexOf(double threshold, int cap) {
            for (int t = 0; t < thresholds.length; t++) {
                if (thresholds[t] == threshold && caps[t] == cap) {
                    return t;
                }
            }
            return -1;
        }

        /** Index of the policy a calibration point measured, or −1. */
        public int indexOf(RiskPoint p) {
            return indexOf(p.threshold(), p.maxDepth() == null ? 0 : p.maxDepth());
        }

        public int windows() {
            return loss[0].length;
        }

        /** Mean of {@code loss[t]} over the windows selected by {@code idx}. */
        public double meanLoss(int t, int[] idx) {
            double s = 0;
            for (int w : idx) {
                s += loss[t][w];
            }
            return s / idx.length;
        }

        public double meanDepth(int t, int[] idx) {
            double s = 0;
            for (int w : idx) {
                s += depth[t][w];
            }
            return s / idx.length;
        }

        /** Oracle mean depth at tolerance over the selected windows. */
        public double oracleDepth(double tolerance, int[] idx) {
            double s = 0;
            for (int w : idx) {
                int d = blocks;
                for (int k = 0; k < blocks - 1; k++) {
                    if (fixedLoss[k][w] <= tolerance) {
                        d = k + 1;
                        break;
                    }
                }
                s += d;
            }
            return s / idx.length;
        }

        /** Standard deviation of {@code loss[t]} over the selected windows. */
        public double lossStd(int t, int[] idx) {
            double m = meanLoss(t, idx);
            double s = 0;
            for (int w : idx) {
                s += (loss[t][w] - m) * (loss[t][w] - m);
            }
            return Math.sqrt(s / Math.max(1, idx.length - 1));
        }

        /** The Learn-then-Test calibration from the selected windows. */
        public RiskCalibration calibration(int[] idx, int horizonSteps, double tolerance, double confidence) {
            List<RiskPoint> points = new ArrayList<>();
            for (int t = 0; t < thresholds.length; t++) {
                double md = meanDepth(t, idx);
                points.add(new RiskPoint(thresholds[t], md, md / blocks, meanLoss(t, idx), lossStd(t, idx),
                        relativeMse[t], caps[t] > 0 ? caps[t] : null));
            }
            List<RiskCalibration.OraclePoint> oracle = new ArrayList<>();
            for (double tol : ORACLE_TOLERANCES) {
                oracle.add(new RiskCalibration.OraclePoint(tol, oracleDepth(tol, idx)));
            }
            // The test runs on exactly the stored (rounded-up) losses, as it will when served later.
            String stored = WindowLosses.encode(loss, idx);
            double[][] mapped = WindowLosses.decode(stored, points.size(), idx.length);
            RiskPoint chosen = points.get(RiskCalibration.chosenIndex(points, mapped, idx.length, tolerance, confidence));
            return new RiskCalibration(horizonSteps, idx.length, tolerance, confidence, chosen.threshold(), oracle, points,
                    chosen.maxDepth(), referenceMse, stored);
        }

        public int[] all() {
            int[] idx = new int[windows()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            return idx;
        }
    }

    /**
     * Fits the router on {@code train}, then calibrates on {@code calibration} trajectories.
     *
     * @param horizonSteps rollout steps of the risk (about one Lyapunov time)
     * @param maxWindows calibration windows at most (spread evenly)
     */
    public static EarlyExitForecaster calibrate(
            EarlyExitForecaster forecaster, double[][][] train, double[][][] calibration, int horizonSteps, int maxWindows) {
        return calibrate(forecaster, train, calibration, horizonSteps, maxWindows, RiskCalibration.DEFAULT_TOLERANCE,
                RiskCalibration.DEFAULT_CONFIDENCE);
    }

    /** As above, with the default ε and confidence the stored threshold is chosen at. */
    public static EarlyExitForecaster calibrate(
            EarlyExitForecaster forecaster,
            double[][][] train,
            double[][][] calibration,
            int horizonSteps,
            int maxWindows,
            double tolerance,
            double confidence) {
        if (!(tolerance >= 0 && tolerance <= 1) || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException(
                    "tolerance must be in [0, 1] and confidence in (0, 1), found " + tolerance + ", " + confidence);
        }
        if (horizonSteps < 1 || maxWindows < 1) {
            throw new IllegalArgumentException(
                    "horizonSteps and maxWindows must be >= 1, found " + horizonSteps + ", " + maxWindows);
        }
        int h = fitHorizon(calibration, forecaster.spec().contextLength(), horizonSteps);
        EarlyExitForecaster routed = withRouter(forecaster, train, 4);
        // From the training split, so the loss function is fixed before the calibration windows are seen.
        double reference = referenceMse(routed, train, h, maxWindows);
        Losses losses = measure(routed, calibration, h, maxWindows, null, reference);
        return routed.withRisk(losses.calibration(losses.all(), h, tolerance, confidence));
    }

    /**
     * The model's typical full-depth rollout MSE over {@code horizonSteps}: the mean over windows
     * of {@code trajectories} (at most {@code maxWindows}, spread evenly), 0 when none fits.
     */
    public static double referenceMse(EarlyExitForecaster f, double[][][] trajectories, int horizonSteps, int maxWindows) {
        int l = f.spec().contextLength();
        int h = Math.min(horizonSteps, Arrays.stream(trajectories).mapToInt(t -> t.length).max().orElse(0) - l);
        if (h < 1) {
            return 0;
        }
        Windows w = windows(trajectories, l, h, maxWindows);
        return Arrays.stream(rolloutMse(f, w, h, ExitPolicy.full(), null)).average().orElse(0);
    }

    /** The same network with a router fitted on training windows every {@code stride} states. */
    public static EarlyExitForecaster withRouter(EarlyExitForecaster forecaster, double[][][] train, int stride) {
        EarlyExitSpec spec = forecaster.modelSpec();
        WindowSet set = WindowSet.of(train, spec, stride);
        if (set.count == 0) {
            throw new IllegalArgumentException("training trajectories are too short for one window");
        }
        var m = ThresholdCalibrator.measure(forecaster, set);
        return forecaster.withRouter(ExitRouter.fit(spec.architecture(), set.inputs, set.count, m.mse()));
    }

    /**
     * The risk horizon that fits the trajectories: {@code horizonSteps}, or fewer where the longest
     * trajectory cannot hold a context and that many steps (short splits of slow systems).
     *
     * @throws IllegalArgumentException when not even one step fits after a context
     */
    public static int fitHorizon(double[][][] trajectories, int contextLength, int horizonSteps) {
        int longest = 0;
        for (double[][] t : trajectories) {
            longest = Math.max(longest, t.length);
        }
        int h = Math.min(horizonSteps, longest - contextLength);
        if (h < 1) {
            throw new IllegalArgumentException("calibration trajectories (" + longest + " states at most) must be longer than "
                    + "the context (" + contextLength + " states); use a larger validation fraction");
        }
        return h;
    }

    /**
     * The same network with a router fitted to what the risk measures: for training windows, the
     * rollout MSE over {@code horizonSteps} at every fixed depth against full depth (the features
     * are those of the window's first pass).
     */
    public static EarlyExitForecaster withRolloutRouter(
            EarlyExitForecaster forecaster, double[][][] train, int horizonSteps, int maxWindows) {
        var a = forecaster.modelSpec().architecture();
        int n = a.blocks();
        int h = fitHorizon(train, a.contextLength(), horizonSteps);
        Windows w = windows(train, a.contextLength(), h, maxWindows);
        double[][] mse = new double[n][];
        for (int k = 1; k < n; k++) {
            mse[k - 1] = rolloutMse(forecaster, w, h, ExitPolicy.fixed(k), null);
        }
        mse[n - 1] = rolloutMse(forecaster, w, h, ExitPolicy.full(), null);
        float[] inputs = forecaster.firstPassInput(w.contexts());
        return forecaster.withRouter(ExitRouter.fit(a, inputs, w.contexts().length, mse));
    }

    /** Contexts and true futures of windows spread evenly over the trajectories. */
    record Windows(double[][][] contexts, double[][][] futures) {}

    static Windows windows(double[][][] trajectories, int l, int horizon, int maxWindows) {
        List<double[][]> ctx = new ArrayList<>();
        List<double[][]> fut = new ArrayList<>();
        long possible = 0;
        for (double[][] t : trajectories) {
            possible += Math.max(0, t.length - l - horizon + 1);
        }
        if (possible == 0) {
            throw new IllegalArgumentException("calibration trajectories are too short for one window of " + (l + horizon) + " states");
        }
        int stride = (int) Math.max(1, (possible + maxWindows - 1) / maxWindows);
        for (double[][] t : trajectories) {
            for (int s = 0; s + l + horizon <= t.length; s += stride) {
                ctx.add(Arrays.copyOfRange(t, s, s + l));
                fut.add(Arrays.copyOfRange(t, s + l, s + l + horizon));
            }
        }
        return new Windows(ctx.toArray(double[][][]::new), fut.toArray(double[][][]::new));
    }

    /**
     * Rollout losses of every threshold (the grid from the router's scores when {@code thresholds}
     * is null) and of every fixed depth on windows of {@code trajectories}.
     */
    public static Losses measure(
            EarlyExitForecaster f, double[][][] trajectories, int horizonSteps, int maxWindows, double[] thresholds) {
        RiskCalibration rc = f.modelSpec().risk();
        double reference = rc == null || rc.referenceMse() == null ? 0 : rc.referenceMse();
        return measure(f, trajectories, horizonSteps, maxWindows, thresholds, reference);
    }

    /** As above, with the reference MSE of the loss's denominator (0: relative to each window alone). */
    public static Losses measure(
            EarlyExitForecaster f,
            double[][][] trajectories,
            int horizonSteps,
            int maxWindows,
            double[] thresholds,
            double referenceMse) {
        var a = f.modelSpec().architecture();
        int n = a.blocks();
        Windows w = windows(trajectories, a.contextLength(), horizonSteps, maxWindows);
        double[] full = rolloutMse(f, w, horizonSteps, ExitPolicy.full(), null);
        double meanFull = Arrays.stream(full).average().orElse(0);
        double floor = referenceMse + 1e-12 * meanFull + 1e-300;
        double[] measured = thresholds != null ? thresholds : grid(f, w.contexts());
        int rows = measured.length + Math.max(0, n - 1);
        double[] grid = Arrays.copyOf(measured, rows);
        int[] caps = new int[rows];
        double[][] loss = new double[rows][];
        double[][] depth = new double[rows][];
        double[] rel = new double[rows];
        for (int t = 0; t < measured.length; t++) {
            depth[t] = new double[w.contexts().length];
            ExitPolicy p = grid[t] == 0 ? ExitPolicy.full() : ExitPolicy.dynamic(grid[t]);
            double[] e = grid[t] == 0 ? full : rolloutMse(f, w, horizonSteps, p, depth[t]);
            if (grid[t] == 0) {
                Arrays.fill(depth[t], n);
            }
            // Full depth against itself: exactly no change.
            loss[t] = grid[t] == 0 ? new double[e.length] : losses(e, full, floor);
            rel[t] = relative(e, meanFull);
        }
        double[][] fixed = new double[Math.max(0, n - 1)][];
        for (int k = n - 1; k >= 1; k--) {
            double[] e = rolloutMse(f, w, horizonSteps, ExitPolicy.fixed(k), null);
            fixed[k - 1] = losses(e, full, floor);
            int t = measured.length + (n - 1 - k);
            caps[t] = k;
            loss[t] = fixed[k - 1];
            depth[t] = new double[e.length];
            Arrays.fill(depth[t], k);
            rel[t] = relative(e, meanFull);
        }
        return new Losses(n, grid, caps, loss, depth, rel, fixed, referenceMse);
    }

    private static double relative(double[] e, double meanFull) {
        return Arrays.stream(e).average().orElse(0) / Math.max(meanFull, 1e-300) - 1;
    }

    /**
     * {@code (e − full) / (full + floor)}, clipped to [−1, 1]. With the model's typical full-depth
     * MSE in the floor, a window that full depth happens to forecast far better than usual is
     * judged against the usual error, not against its own near-zero one: for typical windows the
     * mean loss is the relative change of the mean rollout MSE, for hard windows their own.
     */
    private static double[] losses(double[] e, double[] full, double floor) {
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double r = (e[i] - full[i]) / (full[i] + floor);
            out[i] = Double.isNaN(r) ? 1 : Math.max(-1, Math.min(1, r));
        }
        return out;
    }

    /** Per-window MSE (standardised units) of the rollout; fills mean depth per window when asked. */
    static double[] rolloutMse(EarlyExitForecaster f, Windows w, int horizon, ExitPolicy policy, double[] meanDepth) {
        double[] sd = f.modelSpec().standardization().std();
        int chunk = 1024;
        int count = w.contexts().length;
        double[] out = new double[count];
        for (int from = 0; from < count; from += chunk) {
            int to = Math.min(count, from + chunk);
            ForecastResult r = f.forecast(Arrays.copyOfRange(w.contexts(), from, to), horizon, policy);
            for (int i = from; i < to; i++) {
                double s = 0;
                int c = 0;
                double[][] pred = r.forecasts()[i - from];
                double[][] truth = w.futures()[i];
                for (int k = 0; k < horizon; k++) {
                    for (int j = 0; j < pred[k].length; j++) {
                        double e = (pred[k][j] - truth[k][j]) / sd[j];
                        s += e * e;
                        c++;
                    }
                }
                out[i] = s / c;
                if (meanDepth != null) {
                    meanDepth[i] = Arrays.stream(r.exitDepths()[i - from]).average().orElse(0);
                }
            }
        }
        return out;
    }

    /** 0, quantiles of the router's first-pass scores, and 1, increasing. */
    static double[] grid(EarlyExitForecaster f, double[][][] contexts) {
        double[][] u = f.routerScores(contexts);
        TreeSet<Double> g = new TreeSet<>();
        g.add(0.0);
        g.add(1.0);
        double[] all = Arrays.stream(u).flatMapToDouble(Arrays::stream).sorted().toArray();
        if (all.length > 0) {
            for (int q = 1; q < GRID; q++) {
                // Even quantiles, and as many on a square scale at each end: a weak network's budget
                // binds among the windows with the lowest scores, a strong one's among those with the
                // highest (Lorenz: without the top scale no threshold lies between the 92nd percentile
                // and 1, and depth 2.12 of 8 is served where 1.88 passes the same test).
                double e = (double) q / GRID;
                for (double p : new double[] {e, e * e, 1 - e * e}) {
                    g.add(Math.min(1.0, Math.nextUp(all[(int) (p * (all.length - 1))])));
                }
            }
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
