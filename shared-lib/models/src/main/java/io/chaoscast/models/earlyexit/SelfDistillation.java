package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Self-distillation of the deepest exit into the shallow ones (as in early-exit language models):
 * {@code (1/(N−1)) Σ_{i<N} mean_b Σ_k w_k (z_i − sg(z_N))²}. The deepest exit's forecast is taken
 * without gradient, so the term pulls shallow exits towards what full depth says (the forecast a
 * shallow exit is judged against) without bending the deepest exit towards the shallow ones.
 * Weighted by {@link LossSettings#distillationWeight()} in {@link DeeDiffLoss}; off by default.
 */
final class SelfDistillation {

    private SelfDistillation() {}

    /** The term for predictions {@code [z_1 .. z_N, u_1 .. u_N]} and per-output weights. */
    static NDArray term(NDList predictions, NDArray weights, int exits) {
        if (exits < 2) {
            return DeeDiffLoss.times(predictions.get(0).sum(), 0);
        }
        NDArray teacher = predictions.get(exits - 1).stopGradient();
        NDArray sum = null;
        for (int i = 0; i < exits - 1; i++) {
            NDArray e = DeeDiffLoss.sampleErrors(predictions.get(i), teacher, weights).mean();
            sum = sum == null ? e : sum.add(e);
        }
        return DeeDiffLoss.over(sum, exits - 1);
    }
}
