package io.chaoscast.inference.engine;

/**
 * How deep a forecast may run, as a caller asks for it.
 *
 * @param policy {@code dynamic}, {@code full} or {@code fixed}; null means {@code dynamic}
 * @param threshold for {@code dynamic}: exit where the uncertainty is below it, in [0, 1]
 * @param tolerance for {@code dynamic}: pick the largest calibrated threshold whose validation
 *     error is at most this fraction above full depth, in [0, {@value PolicyResolver#MAX_TOLERANCE}]
 * @param depth for {@code fixed}: the block to exit at, 1 to the model's depth
 */
public record ExitRequest(String policy, Double threshold, Double tolerance, Integer depth) {

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
