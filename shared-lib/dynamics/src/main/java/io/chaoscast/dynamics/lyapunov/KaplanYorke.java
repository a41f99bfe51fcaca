package io.chaoscast.dynamics.lyapunov;

import java.util.Arrays;

/** The Kaplan-Yorke (Lyapunov) dimension of a spectrum. */
public final class KaplanYorke {

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
}
