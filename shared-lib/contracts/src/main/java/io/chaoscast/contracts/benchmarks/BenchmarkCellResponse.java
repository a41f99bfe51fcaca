package io.chaoscast.contracts.benchmarks;

import java.util.Map;
import java.util.UUID;

/**
 * One cell of a benchmark (a system, a model, a seed) and where it stands. The training-service's
 * benchmark driver reads the open cells and reports their progress back.
 *
 * @param ordinal the cell's number within the benchmark, its address in {@code /cells/{ordinal}}
 * @param key {@code system|model-index:type|seed}, unique within the benchmark
 * @param model the model type and its hyperparameters, flat as a training request takes them
 * @param state {@code pending}, {@code queued}, {@code running}, {@code succeeded}, {@code failed}
 *     or {@code cancelled}
 * @param trainingOutcome how the cell's training ended and which epoch's weights the model keeps;
 *     null for baselines and before the cell succeeded
 * @param benchmarkCancelled whether the benchmark was cancelled (the driver then cancels the job)
 */
public record BenchmarkCellResponse(
        UUID benchmarkId,
        int ordinal,
        String key,
        String system,
        String modelType,
        Map<String, Object> model,
        long seed,
        String state,
        String datasetId,
        UUID jobId,
        UUID runId,
        String failureReason,
        String trainingOutcome,
        BenchmarkProtocol protocol,
        boolean benchmarkCancelled) {}
