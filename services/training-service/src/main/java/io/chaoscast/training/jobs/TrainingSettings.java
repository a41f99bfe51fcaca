package io.chaoscast.training.jobs;

import io.chaoscast.web.problem.ApiException;

/** Resolved optimisation settings, every field in range. */
public record TrainingSettings(int epochs, int batchSize, double learningRate, long seed, int earlyStoppingPatience) {

    public static final int MAX_EPOCHS = 1000;
    public static final int MAX_BATCH = 4096;

    // The defaults are those of the models library, which the goals were measured with.
    static final int DEFAULT_EPOCHS = io.chaoscast.models.ModelTypes.defaultTraining(0).epochs();
    static final int DEFAULT_BATCH = io.chaoscast.models.ModelTypes.defaultTraining(0).batchSize();
    static final double DEFAULT_LEARNING_RATE = io.chaoscast.models.ModelTypes.defaultTraining(0).learningRate();
    static final int DEFAULT_PATIENCE = io.chaoscast.models.ModelTypes.defaultTraining(0).patience();

    public static TrainingSettings resolve(TrainingSettingsRequest r) {
        TrainingSettingsRequest q = r == null ? new TrainingSettingsRequest(null, null, null, null, null) : r;
        int epochs = q.epochs() == null ? DEFAULT_EPOCHS : q.epochs();
        int batch = q.batchSize() == null ? DEFAULT_BATCH : q.batchSize();
        double lr = q.learningRate() == null ? DEFAULT_LEARNING_RATE : q.learningRate();
        long seed = q.seed() == null ? 42L : q.seed();
        int patience = q.earlyStoppingPatience() == null ? DEFAULT_PATIENCE : q.earlyStoppingPatience();
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw ApiException.invalidValue("training.epochs", "must be between 1 and " + MAX_EPOCHS + ", found " + epochs);
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw ApiException.invalidValue("training.batchSize", "must be between 1 and " + MAX_BATCH + ", found " + batch);
        }
        if (!(lr > 0 && lr < 1)) {
            throw ApiException.invalidValue("training.learningRate", "must be a finite number in (0, 1), found " + lr);
        }
        if (patience < 0 || patience > MAX_EPOCHS) {
            throw ApiException.invalidValue("training.earlyStoppingPatience", "must be between 0 and " + MAX_EPOCHS + ", found " + patience);
        }
        return new TrainingSettings(epochs, batch, lr, seed, patience);
    }
}
