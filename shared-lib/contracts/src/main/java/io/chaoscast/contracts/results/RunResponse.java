package io.chaoscast.contracts.results;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run with its params, tags and the latest value of every metric (keyed by metric name).
 */
public record RunResponse(
        UUID id,
        UUID experimentId,
        String experimentName,
        String name,
        RunKind kind,
        RunStatus status,
        String systemName,
        String datasetId,
        String modelType,
        Instant startTime,
        Instant endTime,
        String failureReason,
        Provenance provenance,
        Map<String, String> params,
        Map<String, String> tags,
        Map<String, LatestMetricResponse> metrics) {}
