package io.chaoscast.contracts.datasets;

import java.util.Map;

/**
 * An estimate of Lyapunov exponents.
 *
 * @param system the system's catalog name
 * @param parameters the parameters used, all of them
 * @param initialConditions the state the estimate started from
 * @param maxLyapunov largest exponent (per time unit; per iteration for maps)
 * @param spectrum exponents in decreasing order; only the largest unless the spectrum was asked for
 * @param kaplanYorkeDimension from the spectrum; null when only the largest exponent was estimated
 * @param lyapunovTime {@code 1 / maxLyapunov}; null when the largest exponent is not positive
 * @param method the algorithm used
 * @param settings the settings used (duration, transient, tolerances, ...)
 */
public record LyapunovResponse(
        String system,
        Map<String, Double> parameters,
        double[] initialConditions,
        double maxLyapunov,
        double[] spectrum,
        Double kaplanYorkeDimension,
        Double lyapunovTime,
        String method,
        Map<String, Object> settings) {}
