package io.chaoscast.models.calibration;

/**
 * One threshold of the forecast-level accuracy-versus-compute curve, measured on calibration
 * windows by rollouts of {@link RiskCalibration#horizonSteps()} steps from true contexts.
 *
 * @param threshold dynamic exit threshold
 * @param meanDepth mean exit depth over the rollout's passes, in blocks
 * @param computeFraction block evaluations run over those of full depth
 * @param risk mean per-window loss: the rollout's relative MSE increase over full depth, capped
 *     at 1 per window (see {@link RiskCalibration})
 * @param relativeMse mean rollout MSE over that of full depth, minus 1 (uncapped, for reading)
 */
public record RiskPoint(double threshold, double meanDepth, double computeFraction, double risk, double relativeMse) {}
