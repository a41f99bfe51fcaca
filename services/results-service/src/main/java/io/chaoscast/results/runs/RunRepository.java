package io.chaoscast.results.runs;

import io.chaoscast.contracts.results.LatestMetricResponse;
import io.chaoscast.contracts.results.Provenance;
import io.chaoscast.contracts.results.RunKind;
import io.chaoscast.contracts.results.RunStatus;
import io.chaoscast.web.json.StoredJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code results.runs}, {@code run_params} and {@code run_tags} tables. */
@Repository
public class RunRepository {

    static final String SELECT_RUN = """
            SELECT r.id, r.experiment_id, e.name AS experiment_name, r.name, r.kind, r.status, r.system_name,
                   r.dataset_id, r.model_type, r.start_time, r.end_time, r.failure_reason, r.provenance::text AS provenance
            FROM results.runs r JOIN results.experiments e ON e.id = r.experiment_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    public RunRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = StoredJson.mapper(json);
    }

    void insert(RunRow run, Map<String, String> params, Map<String, String> tags) {
        jdbc.sql("""
                        INSERT INTO results.runs (id, experiment_id, name, kind, status, system_name, dataset_id,
                                                  model_type, start_time, provenance)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        run.id(),
                        run.experimentId(),
                        run.name(),
                        run.kind().wireName(),
                        run.status().wireName(),
                        run.systemName(),
                        run.datasetId(),
                        run.modelType(),
                        Timestamp.from(run.startTime()),
                        json.writeValueAsString(run.provenance() == null ? Map.of() : run.provenance()))
                .update();
        insertPairs("run_params", run.id(), params);
        insertPairs("run_tags", run.id(), tags);
    }

    private void insertPairs(String table, UUID runId, Map<String, String> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(pairs.size());
        pairs.forEach((k, v) -> rows.add(new Object[] {runId, k, v}));
        template.batchUpdate("INSERT INTO results." + table + " (run_id, key, value) VALUES (?, ?, ?)", rows);
    }

    public Optional<RunRow> find(UUID id) {
        return jdbc.sql(SELECT_RUN + " WHERE r.id = ?").param(id).query(this::map).optional();
    }

    /**
     * The run's status, locked: {@code FOR SHARE} lets metric batches and uploads of a run go on side
     * by side while a status change ({@code FOR UPDATE}) waits for them, and they wait for it.
     */
    public Optional<RunStatus> lockStatus(UUID id, boolean exclusive) {
        return jdbc.sql("SELECT status FROM results.runs WHERE id = ? " + (exclusive ? "FOR UPDATE" : "FOR SHARE"))
                .param(id)
                .query((rs, i) -> RunStatus.fromWire(rs.getString(1)))
                .optional();
    }

    void update(UUID id, RunStatus status, String failureReason, Instant endTime) {
        jdbc.sql("UPDATE results.runs SET status = ?, failure_reason = ?, end_time = ? WHERE id = ?")
                .params(status.wireName(), failureReason, endTime == null ? null : Timestamp.from(endTime), id)
                .update();
    }

    List<RunRow> search(String where, List<Object> args, String orderBy, String join, int limit, long offset) {
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        all.add(offset);
        String sql = SELECT_RUN.replace("FROM results.runs r JOIN results.experiments e ON e.id = r.experiment_id",
                        "FROM results.runs r JOIN results.experiments e ON e.id = r.experiment_id " + join)
                + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
        return jdbc.sql(sql).params(all).query(this::map).list();
    }

    long count(String where, List<Object> args) {
        return jdbc.sql("SELECT count(*) FROM results.runs r JOIN results.experiments e ON e.id = r.experiment_id " + where)
                .params(args)
                .query(Long.class)
                .single();
    }

    Map<UUID, Map<String, String>> pairs(String table, Collection<UUID> runIds) {
        Map<UUID, Map<String, String>> out = new HashMap<>();
        jdbc.sql("SELECT run_id, key, value FROM results." + table + " WHERE run_id = ANY(?::uuid[]) ORDER BY key")
                .param(ids(runIds))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                });
        return out;
    }

    Map<UUID, Map<String, LatestMetricResponse>> latestMetrics(Collection<UUID> runIds) {
        Map<UUID, Map<String, LatestMetricResponse>> out = new HashMap<>();
        jdbc.sql("SELECT run_id, key, value, step, ts FROM results.metric_latest WHERE run_id = ANY(?::uuid[])")
                .param(ids(runIds))
                .query(rs -> {
                    String key = rs.getString(2);
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                            .put(key, new LatestMetricResponse(
                                    key, rs.getDouble(3), rs.getLong(4),
                                    rs.getObject(5, OffsetDateTime.class).toInstant()));
                });
        return out;
    }

    private static String[] ids(Collection<UUID> runIds) {
        return runIds.stream().map(UUID::toString).toArray(String[]::new);
    }

    private RunRow map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime end = rs.getObject("end_time", OffsetDateTime.class);
        String provenance = rs.getString("provenance");
        return new RunRow(
                rs.getObject("id", UUID.class),
                rs.getObject("experiment_id", UUID.class),
                rs.getString("experiment_name"),
                rs.getString("name"),
                RunKind.fromWire(rs.getString("kind")),
                RunStatus.fromWire(rs.getString("status")),
                rs.getString("system_name"),
                rs.getString("dataset_id"),
                rs.getString("model_type"),
                rs.getObject("start_time", OffsetDateTime.class).toInstant(),
                end == null ? null : end.toInstant(),
                rs.getString("failure_reason"),
                provenance == null || provenance.equals("{}") ? null : json.readValue(provenance, Provenance.class));
    }
}
