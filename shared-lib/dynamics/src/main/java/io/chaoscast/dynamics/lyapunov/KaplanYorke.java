package io.chaoscast.dynamics.lyapunov;

import java.util.Arrays;

/** The Kaplan-Yorke (Lyapunov) dimension of a spectrum. */
public final class KaplanYorke {

    /** Standard errors within which an exponent of a flow counts as its zero exponent. */
    public static final double ZERO_WITHIN = 3;

    /** Relative size of an exponent sum that still counts as zero (see {@link #conservesVolume}). */
    public static final double CONSERVED_WITHIN = 1e-4;

    private KaplanYorke() {}

    /**
     * {@code D = j + (lambda_1 + ... + lambda_j) / |lambda_{j+1}|}, with {@code j} the largest index
     * whose partial sum is still non-negative (exponents sorted in decreasing order). 0 when even
     * the largest exponent is negative (a stable fixed point).
     *
     * @param spectrum the exponents, any order
     * @param complete whether these are all the exponents of the system; when not, and the partial
     *     sums never turn negative, the dimension lies beyond what was computed and NaN is returned
     */
    public static double dimension(double[] spectrum, boolean complete) {
        double[] s = spectrum.clone();
        Arrays.sort(s);
        int n = s.length;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double next = s[n - 1 - j];
            if (Double.isNaN(next)) {
                return Double.NaN;
            }
            if (sum + next < 0) {
                return j + sum / Math.abs(next);
            }
            sum += next;
        }
        return complete ? n : Double.NaN;
    }

    /**
     * Which exponent of a flow is the one along the orbit itself. An orbit of a flow in autonomous
     * form (the catalog's forced flows carry their phase as a state variable) that does not settle
     * on an equilibrium has one exponent that is exactly zero; a finite estimate lands a little off,
     * and a hair below zero is enough to turn a periodic orbit's dimension from 1 into 0. The
     * exponent nearest zero is taken as that zero when it lies within {@link #ZERO_WITHIN} standard
     * errors of it; an orbit on a stable equilibrium has none so close. A weakly chaotic flow whose
     * largest exponent is nearer zero than its zero exponent's estimate, and within three errors
     * of it, reads as periodic: its own error bar cannot tell the two apart.
     *
     * @param exponents the estimates, any order
     * @param standardErrors their standard errors, in the same order; NaN where unknown
     * @return the index into {@code exponents}, or -1 when none qualifies
     */
    public static int alongTheOrbit(double[] exponents, double[] standardErrors) {
        int nearest = -1;
        for (int j = 0; j < exponents.length; j++) {
            if (Double.isFinite(exponents[j]) && (nearest < 0 || Math.abs(exponents[j]) < Math.abs(exponents[nearest]))) {
                nearest = j;
            }
        }
        return nearest >= 0 && Math.abs(exponents[nearest]) <= ZERO_WITHIN * standardErrors[nearest] ? nearest : -1;
    }

    /**
     * Whether a complete spectrum sums to zero, to within {@link #CONSERVED_WITHIN} of the exponents'
     * magnitudes. The sum is the orbit's mean divergence. For a flow whose divergence vanishes
     * everywhere (the Hamiltonian flows, the incompressible fluid-transport flows) the tangent
     * integration keeps it zero to about the integrator's tolerance (a few 1e-5 of the magnitudes
     * for the blinking protocols, the least accurate), however noisy the single exponents are, and
     * the exact dimension is the state's: every partial sum of a spectrum that sums to zero is
     * non-negative. Taking a noisy near-zero exponent as the zero one ({@link #alongTheOrbit})
     * would leave its partner's noise uncompensated and break the zero sum. A flow whose
     * divergence only averages to zero over time (Nose-Hoover) passes when its run is long enough;
     * a dissipative flow whose sum is this small has a dimension within about that fraction of the
     * state's anyway. An all-zero spectrum passes.
     */
    public static boolean conservesVolume(double[] spectrum) {
        double sum = 0;
        double magnitude = 0;
        for (double x : spectrum) {
            sum += x;
            magnitude += Math.abs(x);
        }
        return Double.isFinite(magnitude) && Math.abs(sum) <= CONSERVED_WITHIN * magnitude;
    }

    /** A copy of {@code exponents} with the one at {@code index} set to zero; the same array when index is -1. */
    public static double[] withZeroAt(double[] exponents, int index) {
        if (index < 0) {
            return exponents;
        }
        double[] copy = exponents.clone();
        copy[index] = 0;
        return copy;
    }
}
