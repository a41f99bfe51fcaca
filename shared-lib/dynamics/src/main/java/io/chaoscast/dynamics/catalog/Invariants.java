package io.chaoscast.dynamics.catalog;

/**
 * Invariants of a system at its default parameters, estimated by ChaosCast's own estimators (see
 * {@code InvariantTable}) rather than copied from dysts, whose estimates are often wrong.
 *
 * @param maxLyapunov largest Lyapunov exponent (per time unit; per iteration for maps)
 * @param spectrum the full spectrum, decreasing (the leading exponents for delay equations)
 * @param kaplanYorkeDimension Kaplan-Yorke dimension from the spectrum; NaN when undefined
 * @param maxLyapunovStandardError standard error of {@code maxLyapunov} (batch means); NaN if unknown
 * @param spectrumStandardErrors standard error of each exponent of {@code spectrum}
 * @param kaplanYorkeStandardError standard error of the Kaplan-Yorke dimension; NaN if unknown
 * @param correlationDimension Grassberger-Procaccia correlation dimension; NaN when not estimated
 * @param correlationDimensionStandardError its standard error (spread over blocks); NaN if unknown
 * @param converged whether the largest exponent met the generator's convergence target; false
 *     marks a value that is only as good as its standard error says
 */
public record Invariants(
        double maxLyapunov,
        double[] spectrum,
        double kaplanYorkeDimension,
        double maxLyapunovStandardError,
        double[] spectrumStandardErrors,
        double kaplanYorkeStandardError,
        double correlationDimension,
        double correlationDimensionStandardError,
        boolean converged) {

    /** Exponents without error bars (tables written before standard errors were kept). */
    public Invariants(double maxLyapunov, double[] spectrum, double kaplanYorkeDimension) {
        this(maxLyapunov, spectrum, kaplanYorkeDimension, Double.NaN, nanArray(spectrum.length), Double.NaN, Double.NaN,
                Double.NaN, false);
    }

    /** {@code 1 / maxLyapunov}: the time over which errors grow by a factor e. */
    public double lyapunovTime() {
        return maxLyapunov > 0 ? 1.0 / maxLyapunov : Double.POSITIVE_INFINITY;
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
