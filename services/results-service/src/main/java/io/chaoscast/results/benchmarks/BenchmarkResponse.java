package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkProtocol;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code GET /api/v1/benchmarks/{id}} says about a benchmark.
 *
 * @param status {@code running} while a cell is open, then {@code finished}; {@code cancelling}
 *     then {@code cancelled} after a cancel
 * @param counts cells by state (every state present, zeros included)
 * @param etaSeconds remaining cells times the mean wall time of a finished cell, divided by the
 *     number of cells seen running at once; null before the first cell finishes
 * @param failures every failed cell with its reason
 * @param finishedAt when the last cell ended, once none is open (null before)
 */
public record BenchmarkResponse(
        UUID id,
        String name,
        String status,
        BenchmarkProtocol protocol,
        List<String> systems,
        List<Map<String, Object>> models,
        List<Long> seeds,
        int cells,
        Map<String, Integer> counts,
        Double etaSeconds,
        List<Failure> failures,
        Instant createdAt,
        Instant finishedAt) {

    /** A failed cell. */
    public record Failure(int ordinal, String system, String modelType, long seed, String reason, UUID runId) {}
}
