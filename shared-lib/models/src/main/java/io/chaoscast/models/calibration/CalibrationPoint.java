package io.chaoscast.models.calibration;

/**
 * One threshold of the accuracy-versus-compute curve, measured on validation windows (one pass
 * each, from true contexts).
 *
 * @param threshold dynamic exit threshold
 * @param meanDepth mean exit depth, in blocks
 * @param computeFraction block evaluations run over those of full depth
 * @param mse mean squared error in standardised units
 * @param relativeError {@code mse / fullDepthMse - 1}: 0.02 means 2 % worse than full depth
 */
public record CalibrationPoint(
        double threshold, double meanDepth, double computeFraction, double mse, double relativeError) {}
