package io.chaoscast.contracts.results;

import java.util.Map;

/**
 * Query of {@code GET /api/v1/runs}; every field may be null (no filter). Sent as query parameters.
 *
 * @param experiment experiment name
 * @param kind run kind
 * @param status run status
 * @param system system name
 * @param modelType model type
 * @param tags every tag given must match (key to value)
 * @param sortMetric sort by the latest value of this metric (runs without it come last); null
 *     sorts by start time, newest first
 * @param order direction of the metric sort, default {@code asc}
 * @param page zero-based page, default 0
 * @param size page size, default 50
 */
public record ListRunsRequest(
        String experiment,
        RunKind kind,
        RunStatus status,
        String system,
        String modelType,
        Map<String, String> tags,
        String sortMetric,
        SortOrder order,
        Integer page,
        Integer size) {

    public static ListRunsRequest all() {
        return new ListRunsRequest(null, null, null, null, null, null, null, null, null, null);
    }
}
