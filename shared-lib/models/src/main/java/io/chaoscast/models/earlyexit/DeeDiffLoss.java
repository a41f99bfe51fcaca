package io.chaoscast.models.earlyexit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * DeeDiff's training objective (Tang et al. 2023) adapted from diffusion to regression.
 *
 * <p>For exit {@code i} and sample {@code b}, {@code e_i} is the squared error over the horizon
 * and dimensions, in standardised state units divided by the persistence error (so {@code e = 1}
 * is as bad as repeating the last state). The loss is
 *
 * <pre>
 *   Σ_i α_i ē_i                                   forecast loss, α_i = i / Σ_j j
 * + λ_u  (1/N) Σ_i mean_b (u_i − tanh(sg(e_i) / s))²     UEM loss, s = κ · mean_b sg(e_N)
 * + λ_l  (1/N) Σ_i mean_b (1 − sg(u_i)) e_i              uncertainty-aware layer-wise loss
 * </pre>
 *
 * <p>Why these choices: the weights {@code α_i} grow with depth because the deepest exit sets the
 * accuracy every exit policy is measured against, while shallow exits still get a direct signal;
 * equal weights let the larger errors of the first exits dominate the gradient of the early
 * blocks. The UEM target is squashed with {@code tanh} as in DeeDiff, and taken without gradient
 * so the forecast is not bent to make the error easier to predict. Its scale {@code s} is a
 * fraction {@code κ} ({@link LossSettings#uncertaintyScale()}) of the deepest exit's mean error
 * in the batch: an exit may be taken when its error is a small fraction of what full depth makes
 * on average, so that is where {@code u} must discriminate; a fixed scale would sit in the
 * saturated part of {@code tanh} early in training or in the flat part late in it. In the layer-wise term
 * {@code u_i} is taken without gradient too: otherwise the cheapest way to lower {@code (1 − u)
 * e} is to push {@code u} up, which would teach the UEM to report doubt it does not have. The
 * term then simply gives more weight to the exits the UEM trusts, the ones that will be used.
 *
 * <p>Optionally a self-distillation term ({@link SelfDistillation}) and exit weights favouring
 * the shallow exits ({@link LossSettings#SHALLOW}) make the first exits carry more windows.
 *
 * <p>Labels: {@code [targets (batch, H·D), weights (H·D)]}, where weights are {@code
 * incrementScale² / errorScale}. Predictions: {@code [z_1 .. z_N, u_1 .. u_N]}.
 */
public final class DeeDiffLoss extends Loss {

    private final int exits;
    private final LossSettings settings;

    public DeeDiffLoss(int exits, LossSettings settings) {
        super("deediff");
        this.exits = exits;
        this.settings = settings;
    }

    /** Weight of exit {@code i} (0-based) in the forecast loss; the weights sum to 1. */
    public static double exitWeight(int i, int exits, String weighting) {
        if (LossSettings.UNIFORM.equals(weighting)) {
            return 1.0 / exits;
        }
        double sum = exits * (exits + 1) / 2.0;
        return LossSettings.SHALLOW.equals(weighting) ? (exits - i) / sum : (i + 1) / sum;
    }

    /** Per-sample errors {@code e_i}, shape {@code (batch)}. */
    static NDArray sampleErrors(NDArray z, NDArray targets, NDArray weights) {
        return z.sub(targets).square().mul(weights).mean(new int[] {1});
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return terms(labels, predictions)[0];
    }

    /** {@code [total, forecast, uem, layerwise]} as scalars. */
    NDArray[] terms(NDList labels, NDList predictions) {
        NDArray targets = labels.get(0);
        NDArray weights = labels.get(1);
        NDArray forecast = null;
        NDArray uem = null;
        NDArray layerwise = null;
        NDArray[] errors = new NDArray[exits];
        for (int i = 0; i < exits; i++) {
            errors[i] = sampleErrors(predictions.get(i), targets, weights);
        }
        // The UEM's scale follows the deepest exit's current error level: u is most sensitive
        // around the small extra error an early exit can afford, whatever the system's units.
        NDArray scale = errors[exits - 1].stopGradient().mean().mul((float) settings.uncertaintyScale()).add(1e-12f);
        for (int i = 0; i < exits; i++) {
            NDArray e = errors[i];
            NDArray u = predictions.get(exits + i);
            NDArray f = e.mean().mul((float) exitWeight(i, exits, settings.exitWeighting()));
            NDArray target = e.stopGradient().div(scale).tanh();
            NDArray q = u.sub(target).square().mean();
            NDArray lw = u.stopGradient().neg().add(1f).mul(e).mean();
            forecast = forecast == null ? f : forecast.add(f);
            uem = uem == null ? q : uem.add(q);
            layerwise = layerwise == null ? lw : layerwise.add(lw);
        }
        uem = uem.div((float) exits);
        layerwise = layerwise.div((float) exits);
        NDArray total = forecast.add(uem.mul((float) settings.uemWeight())).add(layerwise.mul((float) settings.layerwiseWeight()));
        if (settings.distillationWeight() > 0) {
            total = total.add(SelfDistillation.term(predictions, weights, exits).mul(settings.distillationWeight().floatValue()));
        }
        return new NDArray[] {total, forecast, uem, layerwise};
    }
}
