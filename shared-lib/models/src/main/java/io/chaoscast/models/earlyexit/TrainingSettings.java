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
 * @param timeBudgetSeconds stop after the epoch that passes this wall-clock budget (0: none)
 * @param inputNoise standard deviation of Gaussian noise added to training contexts, in
 *     standardised units (0: none); the targets stay the clean future, so the network learns to
 *     pull a slightly-off context back to the attractor, which is what keeps rollouts on it when
 *     they feed back their own imperfect forecasts (Sanchez-Gonzalez et al. 2020 train learned
 *     simulators the same way)
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        double learningRate,
        int patience,
        int stride,
        long seed,
        double timeBudgetSeconds,
        double inputNoise) {

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
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(e, batchSize, learningRate, patience, stride, seed, timeBudgetSeconds, inputNoise);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, learningRate, patience, stride, s, timeBudgetSeconds, inputNoise);
    }
}
