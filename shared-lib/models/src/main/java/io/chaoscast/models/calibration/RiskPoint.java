package io.chaoscast.models.calibration;

import io.chaoscast.models.policy.ExitPolicy;

/**
 * One policy of the forecast-level accuracy-versus-compute curve, measured on calibration windows
 * by rollouts of {@link RiskCalibration#horizonSteps()} steps from true contexts.
 *
 * @param threshold dynamic exit threshold
 * @param meanDepth mean exit depth over the rollout's passes, in blocks
 * @param computeFraction block evaluations run over those of full depth
 * @param risk mean per-window loss: the relative change of the window's rollout MSE against full
 *     depth, clipped to [−1, 1] (see {@link RiskCalibration})
 * @param riskStd standard deviation of that per-window loss over the calibration windows
 * @param relativeMse mean rollout MSE over that of full depth, minus 1 (unclipped, for reading)
 * @param maxDepth the policy's cap on the depth ({@code dynamic(threshold)} at most this many
 *     blocks), or null for none; absent in calibrations written before caps existed
 */
public record RiskPoint(
        double threshold,
        double meanDepth,
        double computeFraction,
        double risk,
        double riskStd,
        double relativeMse,
        Integer maxDepth) {

    /** Without a cap. */
    public RiskPoint(
            double threshold, double meanDepth, double computeFraction, double risk, double riskStd, double relativeMse) {
        this(threshold, meanDepth, computeFraction, risk, riskStd, relativeMse, null);
    }

    public RiskPoint {
        if (maxDepth != null && maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, found " + maxDepth);
        }
    }

    public boolean capped() {
        return maxDepth != null;
    }

    /** The exit policy this point measured. */
    public ExitPolicy policy() {
        return maxDepth == null ? ExitPolicy.dynamic(threshold) : ExitPolicy.dynamic(threshold, maxDepth);
    }
}
