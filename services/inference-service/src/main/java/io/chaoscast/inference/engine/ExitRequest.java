package io.chaoscast.inference.engine;

/**
 * How deep a forecast may run, as a caller asks for it.
 *
 * @param policy {@code dynamic}, {@code full} or {@code fixed}; null means {@code dynamic}
 * @param threshold for {@code dynamic}: exit where the uncertainty is below it, in [0, 1]
 * @param tolerance for {@code dynamic}: the largest acceptable relative increase of the rollout
 *     error over the first Lyapunov time against full depth (risk-calibrated models, in [0, 1]),
 *     or of the one-pass validation error (older models, in [0, {@value PolicyResolver#MAX_TOLERANCE}])
 * @param depth for {@code fixed}: the block to exit at, 1 to the model's depth
 * @param confidence for {@code dynamic} with {@code tolerance} on a risk-calibrated model: the
 *     probability 1 − δ with which the tolerance holds on unseen windows, in (0, 1); default 0.9
 */
public record ExitRequest(String policy, Double threshold, Double tolerance, Integer depth, Double confidence) {

    public ExitRequest(String policy, Double threshold, Double tolerance, Integer depth) {
        this(policy, threshold, tolerance, depth, null);
    }

    public static ExitRequest full() {
        return new ExitRequest("full", null, null, null);
    }

    public static ExitRequest dynamic(double threshold) {
        return new ExitRequest("dynamic", threshold, null, null);
    }

    public static ExitRequest tolerance(double tolerance) {
        return new ExitRequest("dynamic", null, tolerance, null);
    }

    public static ExitRequest fixed(int depth) {
        return new ExitRequest("fixed", null, null, depth);
    }
}
