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
 * @param settings the settings used (duration, transient, renormalisation interval, tolerances)
 */
public record LyapunovResult(
        double[] spectrum,
        double maxExponent,
        double kaplanYorkeDimension,
        double lyapunovTime,
        String method,
        Map<String, Object> settings) {}
