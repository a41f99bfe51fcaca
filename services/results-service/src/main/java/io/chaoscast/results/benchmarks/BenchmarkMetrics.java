package io.chaoscast.results.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest metrics of a benchmark's runs, in one query. */
@Repository
class BenchmarkMetrics {

    private final JdbcClient jdbc;

    BenchmarkMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Map<String, Double>> latest(Collection<UUID> runIds) {
        Map<UUID, Map<String, Double>> out = new HashMap<>();
        if (runIds.isEmpty()) {
            return out;
        }
        // Chunks keep the statement under PostgreSQL's limit on bind parameters.
        List<UUID> ids = List.copyOf(runIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("SELECT run_id, key, value FROM results.metric_latest WHERE run_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query(rs -> {
                        out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
                    });
        }
        return out;
    }
}
