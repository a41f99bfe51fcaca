package io.chaoscast.contracts.results;

import java.util.List;
import java.util.UUID;

/**
 * A page of one metric's history, ordered by step (then timestamp).
 *
 * @param totalPoints points of this metric over all pages
 */
public record MetricHistoryResponse(
        UUID runId, String key, int page, int size, long totalPoints, List<MetricPointResponse> points) {}
