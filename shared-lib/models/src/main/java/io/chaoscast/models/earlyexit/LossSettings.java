package io.chaoscast.models.earlyexit;

/**
 * Weights of the DeeDiff-style loss, adapted to regression (see {@link DeeDiffLoss}).
 *
 * @param uncertaintyScale {@code s} in the UEM target {@code tanh(e_i / s)}, in units of the
 *     persistence error (the loss unit): errors well below {@code s} map to a small target,
 *     errors around it to about 0.76
 * @param uemWeight weight of the UEM loss
 * @param layerwiseWeight weight of the uncertainty-aware layer-wise term
 */
public record LossSettings(double uncertaintyScale, double uemWeight, double layerwiseWeight) {

    public static final LossSettings DEFAULT = new LossSettings(1e-3, 1.0, 1.0);

    public LossSettings {
        if (!(uncertaintyScale > 0) || !(uemWeight >= 0) || !(layerwiseWeight >= 0)) {
            throw new IllegalArgumentException(
                    "uncertaintyScale must be > 0, uemWeight and layerwiseWeight >= 0; found " + uncertaintyScale + ", "
                            + uemWeight + ", " + layerwiseWeight);
        }
    }
}
