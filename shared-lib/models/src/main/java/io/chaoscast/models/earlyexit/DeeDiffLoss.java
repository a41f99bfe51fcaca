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

    /**
     * {@code x * c} with {@code c} in libtorch's memory: the backward pass reads the factor again,
     * and DJL's {@code mul(Number)} would leave it on a Java buffer freed once the call returns.
     */
    static NDArray times(NDArray x, double c) {
        return x.mul(HostArrays.scalar(x, c));
    }

    /** {@code x / c}, for the same reason as {@link #times}. */
    static NDArray over(NDArray x, double c) {
        return x.div(HostArrays.scalar(x, c));
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
        NDArray scale = times(errors[exits - 1].stopGradient().mean(), settings.uncertaintyScale())
                .add(HostArrays.scalar(targets, 1e-12));
        for (int i = 0; i < exits; i++) {
            NDArray e = errors[i];
            NDArray u = predictions.get(exits + i);
            NDArray f = times(e.mean(), exitWeight(i, exits, settings.exitWeighting()));
            NDArray target = e.stopGradient().div(scale).tanh();
            NDArray q = u.sub(target).square().mean();
            NDArray lw = u.stopGradient().neg().add(HostArrays.scalar(u, 1)).mul(e).mean();
            forecast = forecast == null ? f : forecast.add(f);
            uem = uem == null ? q : uem.add(q);
            layerwise = layerwise == null ? lw : layerwise.add(lw);
        }
        uem = over(uem, exits);
        layerwise = over(layerwise, exits);
        NDArray total = forecast.add(times(uem, settings.uemWeight())).add(times(layerwise, settings.layerwiseWeight()));
        if (settings.distillationWeight() > 0) {
            total = total.add(times(SelfDistillation.term(predictions, weights, exits), settings.distillationWeight()));
        }
        return new NDArray[] {total, forecast, uem, layerwise};
    }
}
