package io.chaoscast.models.earlyexit;

/**
 * How to train an early-exit network.
 *
 * @param epochs maximum number of epochs, 1 to {@value #MAX_EPOCHS}
 * @param batchSize windows per step
 * @param learningRate Adam's initial learning rate, decayed by a cosine schedule to 1 % of it
 * @param patience epochs without validation improvement before stopping early
 * @param stride training windows start every {@code stride} states
 * @param seed seeds weight initialisation (engine seed) and shuffling
 * @param timeBudgetSeconds wall-clock budget: no epoch starts that would end past it, judged by the
 *     length of the epoch before (0: none)
 * @param inputNoise standard deviation of Gaussian noise added to training contexts, in
 *     standardised units (0: none); the targets stay the clean future, so the network learns to
 *     pull a slightly-off context back to the attractor, which is what keeps rollouts on it when
 *     they feed back their own imperfect forecasts (Sanchez-Gonzalez et al. 2020 train learned
 *     simulators the same way)
 * @param rolloutPasses rollout training (0: off; otherwise 2 or more): every epoch after the first
 *     adds windows whose context ends with the model's own forecast of {@code rolloutPasses - 1}
 *     autoregressive passes from a true context, with the true future as target (scheduled
 *     sampling / the pushforward trick: the gradient does not flow back through the earlier
 *     passes), so the network learns to correct the errors its own rollouts make
 * @param rolloutFraction how many such windows per epoch, as a fraction of the training windows
 * @param baseSearchSeconds seconds the NVAR base's feature-library search may take ({@link
 *     io.chaoscast.models.baselines.NvarLibrary}; 0: the default library, k = 4 quadratic)
 * @param gradientClipNorm largest global L2 norm of a step's gradients ({@link GradientClipping};
 *     0: no clipping): a rare batch with a huge gradient otherwise moves every weight at once and
 *     inflates Adam's second moments for thousands of steps
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        double learningRate,
        int patience,
        int stride,
        long seed,
        double timeBudgetSeconds,
        double inputNoise,
        int rolloutPasses,
        double rolloutFraction,
        double baseSearchSeconds,
        double gradientClipNorm) {

    public static final int MAX_EPOCHS = 10_000;

    public TrainingSettings {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be between 1 and " + MAX_EPOCHS + ", found " + epochs);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("batchSize must be between 1 and 65536, found " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1), found " + learningRate);
        }
        if (patience < 1 || stride < 1) {
            throw new IllegalArgumentException("patience and stride must be >= 1, found " + patience + ", " + stride);
        }
        if (!(inputNoise >= 0 && inputNoise <= 1)) {
            throw new IllegalArgumentException("inputNoise must be between 0 and 1, found " + inputNoise);
        }
        if (!(timeBudgetSeconds >= 0)) {
            throw new IllegalArgumentException("timeBudgetSeconds must be >= 0, found " + timeBudgetSeconds);
        }
        if (rolloutPasses < 0 || rolloutPasses > MAX_ROLLOUT_PASSES) {
            throw new IllegalArgumentException(
                    "rolloutPasses must be between 0 and " + MAX_ROLLOUT_PASSES + ", found " + rolloutPasses);
        }
        if (!(rolloutFraction >= 0 && rolloutFraction <= 1)) {
            throw new IllegalArgumentException("rolloutFraction must be between 0 and 1, found " + rolloutFraction);
        }
        if (!(baseSearchSeconds >= 0)) {
            throw new IllegalArgumentException("baseSearchSeconds must be >= 0, found " + baseSearchSeconds);
        }
        if (!(gradientClipNorm >= 0 && gradientClipNorm <= MAX_GRADIENT_CLIP_NORM)) {
            throw new IllegalArgumentException("gradientClipNorm must be between 0 and " + MAX_GRADIENT_CLIP_NORM
                    + " (0: no clipping), found " + gradientClipNorm);
        }
    }

    /** Largest gradient-norm limit accepted (0 turns clipping off). */
    public static final double MAX_GRADIENT_CLIP_NORM = 1_000;

    /** Most autoregressive passes a rollout-training window may come from. */
    public static final int MAX_ROLLOUT_PASSES = 8;

    /**
     * Without rollout training, with the base model's default library only (no search) and without
     * gradient clipping: the settings as they were before those existed.
     */
    public TrainingSettings(
            int epochs,
            int batchSize,
            double learningRate,
            int patience,
            int stride,
            long seed,
            double timeBudgetSeconds,
            double inputNoise) {
        this(epochs, batchSize, learningRate, patience, stride, seed, timeBudgetSeconds, inputNoise, 0, 0, 0, 0);
    }

    /**
     * Rollout training: every epoch, {@code fraction} as many extra windows as there are training
     * windows, whose context ends with the model's own forecast of {@code passes - 1} passes.
     */
    public TrainingSettings withRollouts(int passes, double fraction) {
        return new TrainingSettings(epochs, batchSize, learningRate, patience, stride, seed, timeBudgetSeconds, inputNoise,
                passes, fraction, baseSearchSeconds, gradientClipNorm);
    }

    /** Seconds the base model's feature-library search may take (0: the default library only). */
    public TrainingSettings withBaseSearch(double seconds) {
        return new TrainingSettings(epochs, batchSize, learningRate, patience, stride, seed, timeBudgetSeconds, inputNoise,
                rolloutPasses, rolloutFraction, seconds, gradientClipNorm);
    }

    /** Gradients clipped to global norm {@code maxNorm} before every step (0: no clipping). */
    public TrainingSettings withGradientClip(double maxNorm) {
        return new TrainingSettings(epochs, batchSize, learningRate, patience, stride, seed, timeBudgetSeconds, inputNoise,
                rolloutPasses, rolloutFraction, baseSearchSeconds, maxNorm);
    }

    public TrainingSettings withTimeBudget(double seconds) {
        return new TrainingSettings(epochs, batchSize, learningRate, patience, stride, seed, seconds, inputNoise,
                rolloutPasses, rolloutFraction, baseSearchSeconds, gradientClipNorm);
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(e, batchSize, learningRate, patience, stride, seed, timeBudgetSeconds, inputNoise,
                rolloutPasses, rolloutFraction, baseSearchSeconds, gradientClipNorm);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, learningRate, patience, stride, s, timeBudgetSeconds, inputNoise,
                rolloutPasses, rolloutFraction, baseSearchSeconds, gradientClipNorm);
    }
}
