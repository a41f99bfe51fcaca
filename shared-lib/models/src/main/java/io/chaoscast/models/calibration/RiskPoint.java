package io.chaoscast.models.calibration;

/**
 * One threshold of the forecast-level accuracy-versus-compute curve, measured on calibration
 * windows by rollouts of {@link RiskCalibration#horizonSteps()} steps from true contexts.
 *
 * @param threshold dynamic exit threshold
 * @param meanDepth mean exit depth over the rollout's passes, in blocks
 * @param computeFraction block evaluations run over those of full depth
 * @param risk mean per-window loss: the relative change of the window's rollout MSE against full
 *     depth, clipped to [−1, 1] (see {@link RiskCalibration})
 * @param riskStd standard deviation of that per-window loss over the calibration windows
 * @param relativeMse mean rollout MSE over that of full depth, minus 1 (unclipped, for reading)
 */
public record RiskPoint(
        double threshold, double meanDepth, double computeFraction, double risk, double riskStd, double relativeMse) {}
