package io.chaoscast.contracts.benchmarks;

import java.util.UUID;

/**
 * {@code PUT /api/v1/benchmarks/{id}/cells/{key}}: the driver's report on a cell. Null fields keep
 * their value; a cell in a final state keeps it.
 */
public record BenchmarkCellUpdateRequest(String state, String datasetId, UUID jobId, UUID runId, String failureReason) {}
