package io.chaoscast.contracts.results;

import java.util.List;

/** Best finished run per model type for one system and metric, best first. */
public record LeaderboardResponse(
        String system, String metric, SortOrder order, List<LeaderboardEntryResponse> entries) {}
