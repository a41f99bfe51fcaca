package io.chaoscast.dynamics.lyapunov;

/**
 * The saltation matrix of a flow whose right-hand side jumps across a plane {@code y_c = level}
 * (Aizerman and Gantmacher 1958; Müller 1995 for Lyapunov exponents of such flows). Between
 * crossings the tangent vectors follow the Jacobian of the branch in force; that Jacobian knows
 * nothing of the jump, yet two nearby orbits cross the plane at slightly different times and spend
 * the difference under different fields. At the crossing every tangent vector {@code v} therefore
 * becomes {@code v + (f_after - f_before) v_c / f_before,c}, which is exact to first order.
 *
 * <p>Where both fields push towards the plane, the orbit slides along it (dry friction's sticking
 * phase). A neighbour then lands on the plane too, so the component of {@code v} across it
 * vanishes: the matrix uses Filippov's sliding field (the mix of the two fields tangent to the
 * plane) in place of {@code f_after}, which sets {@code v_c} to zero. Leaving a slide needs no
 * matrix: the orbit leaves where the branch it leaves on is tangent to the plane, and there that
 * branch and the sliding field agree.
 *
 * <p>The integration ({@link TangentIntegration}, with {@link
 * io.chaoscast.dynamics.integration.SwitchedFlow}) finds the crossings and both branches there.
 */
final class Saltation {

    private Saltation() {}

    /**
     * Applies the saltation matrix of one crossing to the {@code k} tangent vectors stored after
     * the {@code n} coordinates in {@code z}.
     *
     * @param before the field on the side the orbit comes from
     * @param after the field on the side it goes to
     * @param direction +1 if {@code y_c} increases through the plane, -1 if it decreases
     * @return whether the crossing enters a sliding region (the tangent vectors' component {@code
     *     c} is then zero)
     */
    static boolean apply(double[] before, double[] after, int c, double direction, double[] z, int n, int k) {
        double towards = before[c] * direction;
        if (!(towards > 0)) {
            // A crossing the field before it does not drive (grazing, or rounding at the plane):
            // the matrix is unbounded there and the event carries no direction to trust.
            return false;
        }
        boolean sliding = after[c] * direction < 0;
        for (int j = 0; j < k; j++) {
            applyTo(before, after, c, sliding, z, n + j * n, n);
        }
        return sliding;
    }

    /** The matrix of one crossing applied to the vector at {@code z[off .. off + n)}. */
    static void applyTo(double[] before, double[] after, int c, boolean sliding, double[] z, int off, int n) {
        double across = z[off + c] / before[c];
        if (across == 0) {
            return;
        }
        // Entering a slide the target is Filippov's mix (1 - w) before + w after, whose difference
        // from before is w (after - before): written so, it is exactly zero where the branches agree.
        double w = sliding ? before[c] / (before[c] - after[c]) : 1;
        for (int i = 0; i < n; i++) {
            z[off + i] += w * (after[i] - before[i]) * across;
        }
        if (sliding) {
            z[off + c] = 0;
        }
    }
}
