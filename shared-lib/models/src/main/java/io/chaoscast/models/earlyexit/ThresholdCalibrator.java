package io.chaoscast.models.earlyexit;

import io.chaoscast.models.calibration.CalibrationPoint;
import io.chaoscast.models.calibration.CalibrationTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Measures the accuracy-versus-compute curve of the dynamic exit policy on validation windows and
 * picks the threshold that keeps error within a tolerance of full depth.
 *
 * <p>Every exit's output and uncertainty is computed once per window; the depth a threshold would
 * choose is then read off per window, which is what the compacting inference path does row by
 * row (tests check the two agree).
 */
public final class ThresholdCalibrator {

    public static final double DEFAULT_TOLERANCE = 0.02;

    private ThresholdCalibrator() {}

    /** Per-window errors and uncertainties of every exit. */
    record Measurements(double[][] mse, double[][] u) {
        int exits() {
            return mse.length;
        }

        int windows() {
            return mse[0].length;
        }
    }

    /**
     * @param validation validation trajectories
     * @param tolerance relative error allowed above full depth, e.g. 0.02
     * @param stride validation windows start every {@code stride} states
     * @return the same network with the table stored in its spec
     */
    public static EarlyExitForecaster calibrate(
            EarlyExitForecaster forecaster, double[][][] validation, double tolerance, int stride) {
        if (!(tolerance >= 0 && tolerance <= 10)) {
            throw new IllegalArgumentException("tolerance must be between 0 and 10, found " + tolerance);
        }
        Measurements m = measure(forecaster, validation, stride);
        return forecaster.withCalibration(table(m, tolerance));
    }

    /**
     * The accuracy-versus-compute curve and oracle depth on any trajectories (e.g. the test split)
     * without changing the model.
     */
    public static CalibrationTable curve(
            EarlyExitForecaster forecaster, double[][][] trajectories, double tolerance, int stride) {
        return table(measure(forecaster, trajectories, stride), tolerance);
    }

    static Measurements measure(EarlyExitForecaster forecaster, double[][][] trajectories, int stride) {
        EarlyExitSpec spec = forecaster.modelSpec();
        WindowSet set = WindowSet.of(trajectories, spec, stride);
        if (set.count == 0) {
            throw new IllegalArgumentException("trajectories are too short for one window of "
                    + (spec.architecture().contextLength() + spec.architecture().horizon()) + " states");
        }
        return measure(forecaster, set);
    }

    static Measurements measure(EarlyExitForecaster forecaster, WindowSet set) {
        EarlyExitSpec spec = forecaster.modelSpec();
        int n = spec.architecture().blocks();
        double[] scale = spec.incrementScale();
        double blend = spec.correctionWeight();
        double[][] mse = new double[n][set.count];
        double[][] u = new double[n][set.count];
        int chunk = 2048;
        for (int from = 0; from < set.count; from += chunk) {
            int to = Math.min(set.count, from + chunk);
            var out = forecaster.allExits(
                    Arrays.copyOfRange(set.inputs, from * set.inputSize, to * set.inputSize), to - from);
            for (int i = 0; i < n; i++) {
                for (int r = from; r < to; r++) {
                    double s = 0;
                    for (int k = 0; k < set.outputSize; k++) {
                        // The applied correction is the network's times the blend weight.
                        double e = (blend * out.z()[i][(r - from) * set.outputSize + k]
                                        - set.targets[r * set.outputSize + k])
                                * scale[k];
                        s += e * e;
                    }
                    mse[i][r] = s / set.outputSize;
                    u[i][r] = Math.min(1 - 1e-7, Math.max(1e-7, out.u()[i][r - from]));
                }
            }
        }
        return new Measurements(mse, u);
    }

    static CalibrationTable table(Measurements m, double tolerance) {
        int n = m.exits();
        int w = m.windows();
        double full = mean(m.mse()[n - 1]);
        List<CalibrationPoint> points = new ArrayList<>();
        for (double t : grid(m)) {
            long depthSum = 0;
            double err = 0;
            for (int r = 0; r < w; r++) {
                int d = depth(m, r, t);
                depthSum += d;
                err += m.mse()[d - 1][r];
            }
            double meanDepth = (double) depthSum / w;
            double mse = err / w;
            points.add(new CalibrationPoint(t, meanDepth, meanDepth / n, mse, mse / full - 1));
        }
        double chosen = CalibrationTable.choose(points, tolerance);
        return new CalibrationTable(tolerance, chosen, full, oracleMeanDepth(m, tolerance), w, points);
    }

    /** The depth the dynamic policy with threshold {@code t} gives window {@code r}. */
    static int depth(Measurements m, int r, double t) {
        int n = m.exits();
        for (int i = 0; i < n - 1; i++) {
            if (m.u()[i][r] < t) {
                return i + 1;
            }
        }
        return n;
    }

    /** Per window, the shallowest exit within {@code 1 + tol} of that window's full-depth error. */
    static int[] oracleDepths(Measurements m, double tol) {
        int n = m.exits();
        int[] out = new int[m.windows()];
        for (int r = 0; r < out.length; r++) {
            double bound = (1 + tol) * m.mse()[n - 1][r];
            int d = n;
            for (int i = 0; i < n; i++) {
                if (m.mse()[i][r] <= bound) {
                    d = i + 1;
                    break;
                }
            }
            out[r] = d;
        }
        return out;
    }

    static double oracleMeanDepth(Measurements m, double tol) {
        return Arrays.stream(oracleDepths(m, tol)).average().orElse(m.exits());
    }

    /**
     * Thresholds to measure: 0 and 1, a log grid from 1e-4, and the quantiles of the observed
     * uncertainties (every 1 %), so the curve is sampled where the decisions actually change.
     */
    static double[] grid(Measurements m) {
        TreeSet<Double> g = new TreeSet<>();
        g.add(0.0);
        g.add(1.0);
        for (int k = 0; k <= 16; k++) {
            g.add(Math.pow(10, -4 + k * 0.25));
        }
        int n = m.exits();
        double[] all = new double[(n - 1) * m.windows()];
        int c = 0;
        for (int i = 0; i < n - 1; i++) {
            for (double v : m.u()[i]) {
                all[c++] = v;
            }
        }
        if (all.length > 0) {
            Arrays.sort(all);
            for (int q = 1; q < 100; q++) {
                // Just above the quantile, so the window holding that u exits at this threshold.
                g.add(Math.min(1.0, Math.nextUp(all[(int) ((long) q * (all.length - 1) / 100)])));
            }
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
