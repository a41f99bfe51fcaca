package io.chaoscast.models.earlyexit;

/**
 * Weights of the DeeDiff-style loss, adapted to regression (see {@link DeeDiffLoss}).
 *
 * @param uncertaintyScale {@code κ}: the UEM target is {@code tanh(e_i / s)} with {@code s = κ}
 *     times the deepest exit's mean error in the batch; an exit whose error is {@code κ} times
 *     that mean gets target 0.76, one with a tenth of it about 0.1
 * @param uemWeight weight of the UEM loss
 * @param layerwiseWeight weight of the uncertainty-aware layer-wise term
 */
public record LossSettings(double uncertaintyScale, double uemWeight, double layerwiseWeight) {

    public static final LossSettings DEFAULT = new LossSettings(1.0, 1.0, 1.0);

    public LossSettings {
        if (!(uncertaintyScale > 0) || !(uemWeight >= 0) || !(layerwiseWeight >= 0)) {
            throw new IllegalArgumentException(
                    "uncertaintyScale must be > 0, uemWeight and layerwiseWeight >= 0; found " + uncertaintyScale + ", "
                            + uemWeight + ", " + layerwiseWeight);
        }
    }
}
