package io.chaoscast.dynamics.lyapunov;

import java.util.Map;

/**
 * An estimate of Lyapunov exponents.
 *
 * @param spectrum exponents in decreasing order (only the largest when the spectrum was not asked
 *     for); per unit time for flows and delays, per iteration for maps
 * @param maxExponent the largest exponent
 * @param kaplanYorkeDimension from the spectrum, or NaN when only the largest was estimated
 * @param lyapunovTime {@code 1 / maxExponent}; infinite when the largest exponent is not positive
 * @param method the algorithm used, e.g. "tangent-space QR (Benettin/Shimada-Nagashima), analytic Jacobian"
 * @param settings the settings used (duration, transient, renormalisation interval, tolerances,
 *     batches and the convergence targets)
 * @param standardErrors standard error of each exponent of {@code spectrum}, same order, by batch
 *     means; NaN when fewer than two batches were complete
 * @param kaplanYorkeStandardError standard error of the Kaplan-Yorke dimension; NaN when unknown
 * @param converged whether the largest exponent's standard error met the convergence target (the
 *     requested one, or {@link Convergence#defaults} for a fixed-duration run)
 */
public record LyapunovResult(
        double[] spectrum,
        double maxExponent,
        double kaplanYorkeDimension,
        double lyapunovTime,
        String method,
        Map<String, Object> settings,
        double[] standardErrors,
        double kaplanYorkeStandardError,
        boolean converged) {

    /** Standard error of the largest exponent. */
    public double maxExponentStandardError() {
        return standardErrors.length > 0 ? standardErrors[0] : Double.NaN;
    }
}
