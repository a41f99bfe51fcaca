package io.chaoscast.contracts.datasets;

/**
 * The tabulated invariants of a system at its default parameters, each with its standard error
 * (null where unknown).
 *
 * @param maxLyapunov largest Lyapunov exponent (per time unit; per iteration for maps)
 * @param maxLyapunovStandardError its standard error, from batch means
 * @param spectrum the Lyapunov spectrum, decreasing (the leading exponents for delay equations)
 * @param spectrumStandardErrors standard error of each exponent, same order
 * @param kaplanYorkeDimension Kaplan-Yorke dimension from the spectrum
 * @param kaplanYorkeStandardError its standard error
 * @param correlationDimension Grassberger-Procaccia correlation dimension; null for delay equations
 * @param correlationDimensionStandardError its standard error
 * @param converged whether the largest exponent met the table's convergence target; when false the
 *     values are only as accurate as their standard errors say
 */
public record SystemInvariants(
        Double maxLyapunov,
        Double maxLyapunovStandardError,
        Double[] spectrum,
        Double[] spectrumStandardErrors,
        Double kaplanYorkeDimension,
        Double kaplanYorkeStandardError,
        Double correlationDimension,
        Double correlationDimensionStandardError,
        boolean converged) {}
