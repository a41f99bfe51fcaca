package io.chaoscast.dataset.generation;

import java.time.Instant;

/** A row of {@code datasets.dataset}. Never returned from a controller. */
public record DatasetRow(
        String id,
        String system,
        String recipeJson,
        String status,
        double progress,
        int trajectories,
        int length,
        int dimension,
        double samplingInterval,
        String checksum,
        Long sizeBytes,
        String standardizationJson,
        String failureReason,
        int attempts,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {}
