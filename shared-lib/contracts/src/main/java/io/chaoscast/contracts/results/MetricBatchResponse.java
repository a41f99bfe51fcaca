package io.chaoscast.contracts.results;

import java.util.UUID;

/** Reply to a metric batch: every point was stored, or (on an error status) none. */
public record MetricBatchResponse(UUID runId, int accepted) {}
