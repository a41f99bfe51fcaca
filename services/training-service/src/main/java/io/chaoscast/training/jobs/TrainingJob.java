package io.chaoscast.training.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code training.jobs}, as the queue and the API see it.
 *
 * @param trainingOutcome how the training ended and which epoch's weights the model keeps (see
 *     {@code JobContext.trained}); null before training ended, and for baselines
 */
public record TrainingJob(
        UUID id,
        JobStatus status,
        String datasetId,
        String experiment,
        String modelType,
        String requestJson,
        UUID runId,
        String modelId,
        Integer epoch,
        Integer epochs,
        Double trainLoss,
        Double valLoss,
        Double etaSeconds,
        String message,
        String failureReason,
        String trainingOutcome,
        int attempts,
        int maxAttempts,
        String leaseOwner,
        Instant leaseExpiresAt,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
