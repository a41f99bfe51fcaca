package io.chaoscast.contracts.datasets;

import java.util.Map;

/**
 * An estimate of Lyapunov exponents.
 *
 * @param system the system's catalog name
 * @param parameters the parameters used, all of them
 * @param initialConditions the state the estimate started from
 * @param maxLyapunov largest exponent (per time unit; per iteration for maps)
 * @param spectrum exponents in decreasing order; only the largest unless the spectrum was asked for.
 *     An entry is null where the exponent is minus infinity: an orbit that slides along a switching
 *     plane merges its neighbours onto it (the method string says so)
 * @param kaplanYorkeDimension from the spectrum; null when only the largest exponent was estimated
 * @param lyapunovTime {@code 1 / maxLyapunov}; null when the largest exponent is not positive
 * @param method the algorithm used
 * @param settings the settings used (duration, transient, tolerances, batches, convergence target)
 * @param standardErrors standard error of each exponent of {@code spectrum}, same order (batch
 *     means); an entry is null when fewer than two batches were complete
 * @param maxLyapunovStandardError standard error of {@code maxLyapunov}; null when unknown
 * @param kaplanYorkeStandardError standard error of the Kaplan-Yorke dimension; null when unknown
 * @param converged whether the standard error of {@code maxLyapunov} met the convergence target; a
 *     false answer is an estimate whose accuracy is only what its standard error says
 */
public record LyapunovResponse(
        String system,
        Map<String, Double> parameters,
        double[] initialConditions,
        double maxLyapunov,
        Double[] spectrum,
        Double kaplanYorkeDimension,
        Double lyapunovTime,
        String method,
        Map<String, Object> settings,
        Double[] standardErrors,
        Double maxLyapunovStandardError,
        Double kaplanYorkeStandardError,
        boolean converged) {}
