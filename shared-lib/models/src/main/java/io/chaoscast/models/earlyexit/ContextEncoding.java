package io.chaoscast.models.earlyexit;

/**
 * How a standardised context becomes the network input, shared by training and inference so the
 * two can never drift apart: the standardised states, oldest first, flattened.
 *
 * <p>Tried and dropped: feeding the last state plus consecutive differences scaled by the
 * one-step increment (velocity at order one). One-pass error fell by half but rollouts became
 * unstable: the scaling amplifies the network's own small errors in fed-back states about
 * thirty-fold (docs/models.md has the figures).
 */
final class ContextEncoding {

    private ContextEncoding() {}

    /**
     * @param states standardised states; the context is {@code states[start .. start + l - 1]}
     * @param out receives {@code l * dimension} values from {@code offset}
     */
    static void encode(double[][] states, int start, int l, float[] out, int offset) {
        int d = states[start].length;
        for (int k = 0; k < l; k++) {
            double[] x = states[start + k];
            for (int j = 0; j < d; j++) {
                out[offset + k * d + j] = (float) x[j];
            }
        }
    }
}
