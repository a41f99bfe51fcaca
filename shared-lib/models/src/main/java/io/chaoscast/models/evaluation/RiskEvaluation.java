package io.chaoscast.models.evaluation;

import io.chaoscast.models.calibration.RiskCalibration;
import io.chaoscast.models.earlyexit.DecisionCost;
import io.chaoscast.models.earlyexit.EarlyExitForecaster;
import io.chaoscast.models.earlyexit.RiskCalibrator;
import java.util.Arrays;

/**
 * The forecast-level risk of a calibrated early-exit model measured on the test split, in the
 * calibration's own terms: at the calibrated threshold, the mean relative change of the rollout
 * error over {@code horizonSteps} against full depth, the mean depth, and the oracle's depth at
 * the same tolerance; plus what one exit decision costs against one block at batch 1.
 *
 * @param tolerance the calibration's default ε
 * @param confidence the calibration's default 1 − δ
 * @param threshold the calibrated threshold (0 where the calibrated policy is a depth cap alone)
 * @param risk measured on the test windows (same definition as the tolerance)
 * @param depthFraction mean depth over blocks at that threshold, test windows
 * @param oracleDepthFraction the oracle's mean depth over blocks at the same tolerance, test windows
 * @param decisionCostFraction one router decision over one block, batch 1
 * @param windows test windows measured
 */
public record RiskEvaluation(
        double tolerance,
        double confidence,
        double threshold,
        double risk,
        double depthFraction,
        double oracleDepthFraction,
        double decisionCostFraction,
        int windows) {

    /** Test windows at most. */
    public static final int MAX_WINDOWS = 1000;

    /** @return null when the model has no risk calibration (older models) */
    public static RiskEvaluation of(EarlyExitForecaster f, double[][][] test, int horizonSteps) {
        RiskCalibration rc = f.modelSpec().risk();
        if (rc == null) {
            return null;
        }
        int n = f.spec().depth();
        var chosen = rc.pointFor(rc.tolerance(), rc.confidence());
        double t = chosen.threshold();
        int h = RiskCalibrator.fitHorizon(test, f.spec().contextLength(), horizonSteps);
        var losses = RiskCalibrator.measure(f, test, h, MAX_WINDOWS, t == 0 ? new double[] {0} : new double[] {0, t});
        int[] all = losses.all();
        // Capped points are among the fixed depths every measurement adds.
        int k = losses.indexOf(chosen);
        double[][][] contexts = new double[1][][];
        for (double[][] traj : test) {
            if (traj.length >= f.spec().contextLength()) {
                contexts[0] = Arrays.copyOf(traj, f.spec().contextLength());
                break;
            }
        }
        double decision = contexts[0] == null ? Double.NaN : DecisionCost.measure(f, contexts, 1, 200).routerFraction();
        return new RiskEvaluation(rc.tolerance(), rc.confidence(), t, losses.meanLoss(k, all), losses.meanDepth(k, all) / n,
                losses.oracleDepth(rc.tolerance(), all) / n, decision, all.length);
    }
}
