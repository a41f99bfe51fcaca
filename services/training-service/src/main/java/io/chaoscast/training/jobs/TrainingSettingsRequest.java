package io.chaoscast.training.jobs;

/**
 * Optimisation settings; nulls take the defaults of {@link TrainingSettings}. Ranges are checked
 * by {@link TrainingSettings#resolve} so the error names the field and the range.
 *
 * @param epochs 1 to 1000 (default: the models library's, 30)
 * @param batchSize 1 to 4096 (default 256)
 * @param learningRate in (0, 1) (default 0.001)
 * @param seed any long (default 42)
 * @param earlyStoppingPatience epochs without validation improvement before stopping, 0 = off
 *     (default 6)
 */
public record TrainingSettingsRequest(
        Integer epochs, Integer batchSize, Double learningRate, Long seed, Integer earlyStoppingPatience) {}
