package io.chaoscast.models.earlyexit;

/**
 * What a training epoch reports to a {@link ProgressListener}.
 *
 * @param epoch 1-based
 * @param epochs the maximum number of epochs
 * @param trainLoss mean total loss over the epoch's steps
 * @param validationLoss total loss on the validation windows
 * @param validationForecastLoss the forecast part of it (depth-weighted exit errors, in units of
 *     persistence error): what early stopping watches
 * @param validationExitErrors per exit, mean error {@code e_i} on validation (persistence = 1)
 * @param elapsedSeconds since training started
 */
public record EpochProgress(
        int epoch,
        int epochs,
        double trainLoss,
        double validationLoss,
        double validationForecastLoss,
        double[] validationExitErrors,
        double elapsedSeconds) {

    /** Whether every loss of the epoch is a number: training ends at the first epoch where one is not. */
    public boolean finite() {
        return Double.isFinite(trainLoss) && Double.isFinite(validationLoss) && Double.isFinite(validationForecastLoss);
    }
}
