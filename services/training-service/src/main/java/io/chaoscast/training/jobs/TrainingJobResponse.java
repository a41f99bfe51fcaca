package io.chaoscast.training.jobs;

import java.time.Instant;
import java.util.UUID;

/** What {@code GET /api/v1/training-jobs/{id}} says about a job. */
public record TrainingJobResponse(
        UUID id,
        String status,
        String datasetId,
        String experiment,
        String modelType,
        UUID runId,
        String modelId,
        Progress progress,
        String failureReason,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** Epoch progress, losses and an ETA extrapolated from the time per epoch. */
    public record Progress(Integer epoch, Integer epochs, Double trainLoss, Double valLoss, Double etaSeconds, String message) {}

    static TrainingJobResponse of(TrainingJob j) {
        return new TrainingJobResponse(
                j.id(),
                j.status().wire(),
                j.datasetId(),
                j.experiment(),
                j.modelType(),
                j.runId(),
                j.modelId(),
                new Progress(j.epoch(), j.epochs(), j.trainLoss(), j.valLoss(), j.etaSeconds(), j.message()),
                j.failureReason(),
                j.attempts(),
                j.createdAt(),
                j.startedAt(),
                j.finishedAt());
    }
}
