package io.chaoscast.training.jobs;

import io.chaoscast.training.web.BadRequestException;

/** Resolved optimisation settings, every field in range. */
public record TrainingSettings(int epochs, int batchSize, double learningRate, long seed, int earlyStoppingPatience) {

    public static final int MAX_EPOCHS = 1000;
    public static final int MAX_BATCH = 4096;

    public static TrainingSettings resolve(TrainingSettingsRequest r) {
        TrainingSettingsRequest q = r == null ? new TrainingSettingsRequest(null, null, null, null, null) : r;
        int epochs = q.epochs() == null ? 40 : q.epochs();
        int batch = q.batchSize() == null ? 256 : q.batchSize();
        double lr = q.learningRate() == null ? 0.002 : q.learningRate();
        long seed = q.seed() == null ? 42L : q.seed();
        int patience = q.earlyStoppingPatience() == null ? 8 : q.earlyStoppingPatience();
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new BadRequestException("training.epochs", "must be between 1 and " + MAX_EPOCHS + ", found " + epochs);
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new BadRequestException("training.batchSize", "must be between 1 and " + MAX_BATCH + ", found " + batch);
        }
        if (!(lr > 0 && lr <= 1)) {
            throw new BadRequestException("training.learningRate", "must be a finite number in (0, 1], found " + lr);
        }
        if (patience < 0 || patience > MAX_EPOCHS) {
            throw new BadRequestException("training.earlyStoppingPatience", "must be between 0 and " + MAX_EPOCHS + ", found " + patience);
        }
        return new TrainingSettings(epochs, batch, lr, seed, patience);
    }
}
