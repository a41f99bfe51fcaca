package io.chaoscast.models.earlyexit;

/**
 * How a standardised context becomes the network input, shared by training and inference so the
 * two can never drift apart: the standardised states, oldest first, flattened, and optionally
 * the unique quadratic monomials of the last state.
 *
 * <p>Why the monomials: most catalog flows (Lorenz among them) have polynomial, mostly quadratic,
 * vector fields, so the first-order increment {@code dt f(x)} is a linear function of the state
 * and its quadratic monomials. With them in the input the embedding can carry that increment
 * linearly, and the blocks learn the corrections; without them the MLP must build products out
 * of GELUs. NVAR (Gauthier et al. 2021) relies on the same structure.
 *
 * <p>Tried and dropped: feeding the last state plus consecutive differences scaled by the
 * one-step increment (velocity at order one). One-pass error barely changed and rollouts
 * collapsed, most likely because the scaling (about 30 on Lorenz at 100 points per period)
 * magnifies the errors of fed-back states as much as the signal (docs/models.md has the figures).
 */
final class ContextEncoding {

    private ContextEncoding() {}

    /**
     * @param states standardised states; the context is {@code states[start .. start + l - 1]}
     * @param out receives {@code l * dimension} values from {@code offset}
     */
    static void encode(double[][] states, int start, int l, boolean quadratic, float[] out, int offset) {
        int d = states[start].length;
        for (int k = 0; k < l; k++) {
            double[] x = states[start + k];
            for (int j = 0; j < d; j++) {
                out[offset + k * d + j] = (float) x[j];
            }
        }
        if (quadratic) {
            quadratic(states[start + l - 1], out, offset + l * d);
        }
    }

    /** Writes {@code x_a x_b} for {@code a <= b} from {@code offset}. */
    static void quadratic(double[] x, float[] out, int offset) {
        int q = offset;
        for (int a = 0; a < x.length; a++) {
            for (int b = a; b < x.length; b++) {
                out[q++] = (float) (x[a] * x[b]);
            }
        }
    }
}
