package io.chaoscast.models.earlyexit;

/**
 * Weights of the DeeDiff-style loss, adapted to regression (see {@link DeeDiffLoss}).
 *
 * @param uncertaintyScale {@code κ}: the UEM target is {@code tanh(e_i / s)} with {@code s = κ}
 *     times the deepest exit's mean error in the batch; an exit whose error is {@code κ} times
 *     that mean gets target 0.76, one with a tenth of it about 0.1
 * @param uemWeight weight of the UEM loss
 * @param layerwiseWeight weight of the uncertainty-aware layer-wise term
 * @param exitWeighting {@code linear} ({@code α_i ∝ i}, the default) or {@code uniform} ({@code
 *     α_i = 1/N}) or {@code shallow} ({@code α_i ∝ N + 1 − i}, favouring the first exits) weights of
 *     the exits' forecast losses; null reads as {@code linear}
 * @param distillationWeight weight of the self-distillation term ({@link SelfDistillation}); null
 *     (specs written before it existed) reads as 0, off
 */
public record LossSettings(
        double uncertaintyScale, double uemWeight, double layerwiseWeight, String exitWeighting, Double distillationWeight) {

    public static final String LINEAR = "linear";
    public static final String UNIFORM = "uniform";
    public static final String SHALLOW = "shallow";

    public static final LossSettings DEFAULT = new LossSettings(1.0, 1.0, 1.0, LINEAR);

    /** Without self-distillation. */
    public LossSettings(double uncertaintyScale, double uemWeight, double layerwiseWeight, String exitWeighting) {
        this(uncertaintyScale, uemWeight, layerwiseWeight, exitWeighting, 0.0);
    }

    /** These settings with another self-distillation weight. */
    public LossSettings withDistillation(double weight) {
        return new LossSettings(uncertaintyScale, uemWeight, layerwiseWeight, exitWeighting, weight);
    }

    /** These settings with other exit weights ({@code linear}, {@code uniform} or {@code shallow}). */
    public LossSettings withExitWeighting(String weighting) {
        return new LossSettings(uncertaintyScale, uemWeight, layerwiseWeight, weighting, distillationWeight);
    }

    public LossSettings {
        exitWeighting = exitWeighting == null ? LINEAR : exitWeighting;
        distillationWeight = distillationWeight == null ? 0.0 : distillationWeight;
        if (!exitWeighting.equals(LINEAR) && !exitWeighting.equals(UNIFORM) && !exitWeighting.equals(SHALLOW)) {
            throw new IllegalArgumentException("exitWeighting must be linear, uniform or shallow, found " + exitWeighting);
        }
        if (!(distillationWeight >= 0 && distillationWeight <= 100)) {
            throw new IllegalArgumentException("distillationWeight must be between 0 and 100, found " + distillationWeight);
        }
        if (!(uncertaintyScale > 0) || !(uemWeight >= 0) || !(layerwiseWeight >= 0)) {
            throw new IllegalArgumentException(
                    "uncertaintyScale must be > 0, uemWeight and layerwiseWeight >= 0; found " + uncertaintyScale + ", "
                            + uemWeight + ", " + layerwiseWeight);
        }
    }
}
