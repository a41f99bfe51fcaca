package io.chaoscast.models.calibration;

import java.util.List;

/**
 * The forecast-level calibration of the dynamic exit policy, stored in the model: what
 * Learn-then-Test needs to pick a threshold for any tolerance ε and confidence 1 − δ without
 * retraining or re-measuring (the mean loss per threshold and the number of windows are the
 * sufficient statistics of the Hoeffding–Bentkus p-value, see {@link RiskControl}).
 *
 * <p>The risk: for a calibration window, the MSE of the rollout over the first {@code
 * horizonSteps} steps (about one Lyapunov time) under the dynamic policy, divided by that of the
 * full-depth rollout from the same context, minus 1, clipped to [−1, 1] (a window whose error more
 * than doubles counts as +100 %). The risk of a threshold is the mean of that loss over windows:
 * the mean relative change of the rollout error against full depth, where windows that exit early
 * to a better forecast offset those that exit to a worse one. "Tolerance ε at confidence 1 − δ"
 * guarantees the risk is at most ε on unseen windows drawn like the calibration windows, with
 * probability at least 1 − δ over the draw of the calibration windows. The tests map the loss to
 * [0, 1] by {@code (ℓ + 1) / 2}, the tolerance likewise.
 *
 * @param horizonSteps rollout steps the loss is measured over (about one Lyapunov time)
 * @param windows number of calibration windows
 * @param tolerance default ε
 * @param confidence default 1 − δ
 * @param threshold the threshold chosen at the defaults
 * @param oracle the oracle's mean depth at several tolerances: per window, the shallowest fixed
 *     depth whose loss is within the tolerance
 * @param points measured thresholds by increasing threshold (decreasing compute); the first is 0
 */
public record RiskCalibration(
        int horizonSteps,
        int windows,
        double tolerance,
        double confidence,
        double threshold,
        List<OraclePoint> oracle,
        List<RiskPoint> points) {

    public static final double DEFAULT_TOLERANCE = 0.05;
    public static final double DEFAULT_CONFIDENCE = 0.9;

    /** Oracle mean depth at a tolerance. */
    public record OraclePoint(double tolerance, double meanDepth) {}

    public RiskCalibration {
        oracle = oracle == null ? List.of() : List.copyOf(oracle);
        points = List.copyOf(points);
        if (points.isEmpty() || points.get(0).threshold() != 0) {
            throw new IllegalArgumentException("risk calibration must start at threshold 0 (full depth)");
        }
    }

    /** The calibrated point for ε and confidence 1 − δ (full depth if nothing else passes). */
    public RiskPoint pointFor(double tolerance, double confidence) {
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new IllegalArgumentException("tolerance must be between 0 and 1, found " + tolerance);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), found " + confidence);
        }
        return points.get(chosenIndex(points, windows, tolerance, confidence));
    }

    public double thresholdFor(double tolerance, double confidence) {
        return pointFor(tolerance, confidence).threshold();
    }

    /** Fixed-sequence Learn-then-Test over the points for signed losses in [−1, 1]. */
    public static int chosenIndex(List<RiskPoint> points, int windows, double tolerance, double confidence) {
        double[] mean = new double[points.size()];
        double[] var = new double[points.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (points.get(i).risk() + 1) / 2;
            var[i] = Math.pow(points.get(i).riskStd() / 2, 2);
        }
        return RiskControl.fixedSequence(mean, var, windows, (tolerance + 1) / 2, 1 - confidence);
    }

    /** The oracle's mean depth at the stored tolerance nearest to {@code tolerance}, or NaN. */
    public double oracleMeanDepth(double tolerance) {
        OraclePoint best = null;
        for (OraclePoint p : oracle) {
            if (best == null || Math.abs(p.tolerance() - tolerance) < Math.abs(best.tolerance() - tolerance)) {
                best = p;
            }
        }
        return best == null ? Double.NaN : best.meanDepth();
    }
}
