package io.chaoscast.results.leaderboard;

import io.chaoscast.web.problem.ApiException;
import io.chaoscast.contracts.results.LeaderboardEntryResponse;
import io.chaoscast.contracts.results.LeaderboardResponse;
import io.chaoscast.contracts.results.SortOrder;
import io.chaoscast.results.web.Fields;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/leaderboard}: for one system and metric, the best finished run of every
 * model type, judged by the metric's latest value (its value at the run's last step).
 */
@RestController
public class LeaderboardController {

    private final JdbcClient jdbc;

    public LeaderboardController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/leaderboard")
    public LeaderboardResponse leaderboard(
            @RequestParam String system, @RequestParam String metric, @RequestParam(required = false) String order) {
        Fields.required("system", system, Fields.MAX_KEY_LENGTH);
        Fields.required("metric", metric, Fields.MAX_KEY_LENGTH);
        SortOrder direction;
        try {
            direction = order == null ? SortOrder.ASC : SortOrder.fromWire(order);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidValue("order", e.getMessage());
        }
        String dir = direction == SortOrder.ASC ? "ASC" : "DESC";
        // DISTINCT ON keeps the first row per model type in this order: its best run (earliest end on a tie).
        record Row(String modelType, UUID runId, String runName, String experiment, String datasetId,
                double value, long step, OffsetDateTime endTime) {}
        List<Row> best = jdbc.sql("""
                        SELECT DISTINCT ON (r.model_type) r.model_type, r.id, r.name, e.name, r.dataset_id,
                               l.value, l.step, r.end_time
                        FROM results.runs r
                        JOIN results.metric_latest l ON l.run_id = r.id AND l.key = ?
                        JOIN results.experiments e ON e.id = r.experiment_id
                        WHERE r.status = 'finished' AND r.system_name = ? AND r.model_type IS NOT NULL
                        ORDER BY r.model_type, l.value %s, r.end_time, r.id""".formatted(dir))
                .params(metric, system)
                .query((rs, i) -> new Row(
                        rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDouble(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class)))
                .list();
        List<Row> sorted = new ArrayList<>(best);
        sorted.sort((a, b) -> direction == SortOrder.ASC
                ? Double.compare(a.value(), b.value())
                : Double.compare(b.value(), a.value()));
        List<LeaderboardEntryResponse> entries = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            entries.add(new LeaderboardEntryResponse(
                    i + 1, r.modelType(), r.runId(), r.runName(), r.experiment(), r.datasetId(), r.value(), r.step(),
                    r.endTime() == null ? null : r.endTime().toInstant()));
        }
        return new LeaderboardResponse(system, metric, direction, entries);
    }
}
