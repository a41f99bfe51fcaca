package io.chaoscast.training.jobs;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code training.jobs}, as the queue and the API see it. */
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
        int attempts,
        int maxAttempts,
        String leaseOwner,
        Instant leaseExpiresAt,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
