package io.chaoscast.contracts.results;

import java.time.Instant;
import java.util.UUID;

/** The best finished run of one model type. */
public record LeaderboardEntryResponse(
        int rank,
        String modelType,
        UUID runId,
        String runName,
        String experimentName,
        String datasetId,
        double value,
        long step,
        Instant endTime) {}
