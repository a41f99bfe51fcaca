package io.chaoscast.results.metrics;

import io.chaoscast.contracts.results.LatestMetricResponse;
import io.chaoscast.contracts.results.MetricPointResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of {@code results.metrics} and {@code results.metric_latest}. */
@Repository
class MetricQueries {

    private final JdbcClient jdbc;

    MetricQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LatestMetricResponse> latest(UUID runId) {
        return jdbc.sql("SELECT key, value, step, ts FROM results.metric_latest WHERE run_id = ? ORDER BY key")
                .param(runId)
                .query((rs, i) -> new LatestMetricResponse(
                        rs.getString(1), rs.getDouble(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    long count(UUID runId, String key) {
        return jdbc.sql("SELECT count(*) FROM results.metrics WHERE run_id = ? AND key = ?")
                .params(runId, key)
                .query(Long.class)
                .single();
    }

    /**
     * A page of history in step order; the timestamp breaks ties on a step. Times travel as epoch
     * microseconds ({@code date_part} is a double: at today's epoch its error is under 0.3 µs, so
     * rounding gives the exact microsecond) because parsing timestamp text per row is slow.
     */
    List<MetricPointResponse> history(UUID runId, String key, int limit, long offset) {
        List<MetricPointResponse> points = new ArrayList<>(Math.min(limit, 100_000));
        jdbc.sql("""
                        SELECT step, value, round(date_part('epoch', ts) * 1000000)::bigint
                        FROM results.metrics WHERE run_id = ? AND key = ?
                        ORDER BY step, ts LIMIT ? OFFSET ?""")
                .params(runId, key, limit, offset)
                .query(rs -> {
                    points.add(new MetricPointResponse(rs.getLong(1), rs.getDouble(2), MetricBatch.instant(rs.getLong(3))));
                });
        return points;
    }
}
