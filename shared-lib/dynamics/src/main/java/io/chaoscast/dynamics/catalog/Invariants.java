package io.chaoscast.dynamics.catalog;

/**
 * Invariants of a system at its default parameters, estimated by ChaosCast's own estimators (see
 * {@code InvariantTable}) rather than copied from dysts, whose estimates are often wrong.
 *
 * @param maxLyapunov largest Lyapunov exponent (per time unit; per iteration for maps)
 * @param spectrum the full spectrum, decreasing
 * @param kaplanYorkeDimension Kaplan-Yorke dimension from the spectrum
 */
public record Invariants(double maxLyapunov, double[] spectrum, double kaplanYorkeDimension) {

    /** {@code 1 / maxLyapunov}: the time over which errors grow by a factor e. */
    public double lyapunovTime() {
        return maxLyapunov > 0 ? 1.0 / maxLyapunov : Double.POSITIVE_INFINITY;
    }
}
