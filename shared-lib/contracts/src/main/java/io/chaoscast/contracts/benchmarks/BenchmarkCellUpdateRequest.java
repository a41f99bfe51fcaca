package io.chaoscast.contracts.benchmarks;

import java.util.UUID;

/**
 * {@code PUT /api/v1/benchmarks/{id}/cells/{key}}: the driver's report on a cell. Null fields keep
 * their value; a cell in a final state keeps it.
 *
 * @param trainingOutcome how a succeeded cell's training ended (every epoch, stopped early, or
 *     stopped where its losses stopped being finite) and which epoch's weights the model keeps, as
 *     its training job says it
 */
public record BenchmarkCellUpdateRequest(
        String state, String datasetId, UUID jobId, UUID runId, String failureReason, String trainingOutcome) {}
