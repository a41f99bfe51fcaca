package io.chaoscast.results.benchmarks;

import io.chaoscast.contracts.benchmarks.BenchmarkCellResponse;
import io.chaoscast.contracts.benchmarks.BenchmarkProtocol;
import io.chaoscast.contracts.datasets.SystemResponse;
import io.chaoscast.web.json.StoredJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code results.benchmarks} and {@code results.benchmark_cells} tables. */
@Repository
class BenchmarkRepository {

    static final List<String> STATES = List.of("pending", "queued", "running", "succeeded", "failed", "cancelled");
    static final List<String> FINAL = List.of("succeeded", "failed", "cancelled");

    private static final String CELL_COLUMNS = """
            c.benchmark_id, c.ordinal, c.cell_key, c.system, c.model_type, c.model::text, c.seed, c.state, c.dataset_id,
            c.job_id, c.run_id, c.failure_reason, c.training_outcome, b.protocol::text, b.cancelled, c.started_at, c.finished_at""";

    /** A benchmark row with its resolved parts. */
    record BenchmarkRow(
            UUID id, String name, BenchmarkProtocol protocol, List<SystemResponse> systems, List<Map<String, Object>> models,
            List<Long> seeds, boolean cancelled, Instant createdAt) {

        /** Cells are numbered 0 .. this - 1: systems x models x seeds. */
        int cellCount() {
            return systems.size() * models.size() * seeds.size();
        }
    }

    /** A cell with its timing, for progress and ETA. */
    record CellRow(BenchmarkCellResponse cell, Instant startedAt, Instant finishedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BenchmarkRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = StoredJson.mapper(json);
    }

    /** The benchmark and all its cells in one transaction: all or nothing. */
    @Transactional
    void insert(UUID id, BenchmarkPlanner.Plan plan) {
        jdbc.sql("""
                        INSERT INTO results.benchmarks (id, name, protocol, systems, models, seeds)
                        VALUES (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb)""")
                .params(id, plan.name(), json.writeValueAsString(plan.protocol()), json.writeValueAsString(plan.systems()),
                        json.writeValueAsString(plan.models()), json.writeValueAsString(plan.seeds()))
                .update();
        int ordinal = 0;
        for (SystemResponse system : plan.systems()) {
            for (int m = 0; m < plan.models().size(); m++) {
                Map<String, Object> model = plan.models().get(m);
                for (long seed : plan.seeds()) {
                    String type = (String) model.get("type");
                    jdbc.sql("""
                                    INSERT INTO results.benchmark_cells (benchmark_id, cell_key, ordinal, system, model_type, model, seed)
                                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""")
                            .params(id, system.name() + "|" + m + ":" + type + "|" + seed, ordinal++, system.name(), type,
                                    json.writeValueAsString(model), seed)
                            .update();
                }
            }
        }
    }

    Optional<BenchmarkRow> find(UUID id) {
        return jdbc.sql("SELECT id, name, protocol::text, systems::text, models::text, seeds::text, cancelled, created_at FROM results.benchmarks WHERE id = ?")
                .param(id)
                .query(this::benchmark)
                .optional();
    }

    List<BenchmarkRow> list(int limit, long offset) {
        return jdbc.sql("""
                        SELECT id, name, protocol::text, systems::text, models::text, seeds::text, cancelled, created_at
                        FROM results.benchmarks ORDER BY created_at DESC, id LIMIT ? OFFSET ?""")
                .params(limit, offset)
                .query(this::benchmark)
                .list();
    }

    List<CellRow> cells(UUID id) {
        return jdbc.sql("SELECT " + CELL_COLUMNS + " FROM results.benchmark_cells c JOIN results.benchmarks b ON b.id = c.benchmark_id"
                        + " WHERE c.benchmark_id = ? ORDER BY c.ordinal")
                .param(id)
                .query(this::cell)
                .list();
    }

    /** Cells not yet final, oldest benchmark first: the driver's work list. */
    List<BenchmarkCellResponse> openCells(int limit) {
        return jdbc.sql("SELECT " + CELL_COLUMNS + " FROM results.benchmark_cells c JOIN results.benchmarks b ON b.id = c.benchmark_id"
                        + " WHERE c.state IN ('pending', 'queued', 'running') ORDER BY b.created_at, b.id, c.ordinal LIMIT ?")
                .param(limit)
                .query(this::cell)
                .list()
                .stream()
                .map(CellRow::cell)
                .toList();
    }

    /**
     * Applies a driver report. A final cell keeps its state (reports may arrive twice, or late
     * after a cancel); started and finished times are set once.
     */
    int update(UUID id, int ordinal, String state, String datasetId, UUID jobId, UUID runId, String failureReason, String trainingOutcome) {
        return jdbc.sql("""
                        UPDATE results.benchmark_cells SET
                            state = CASE WHEN state IN ('succeeded', 'failed', 'cancelled') THEN state ELSE coalesce(?, state) END,
                            dataset_id = coalesce(?, dataset_id), job_id = coalesce(?, job_id), run_id = coalesce(?, run_id),
                            failure_reason = coalesce(?, failure_reason), training_outcome = coalesce(?, training_outcome),
                            started_at = CASE WHEN started_at IS NULL AND ? IN ('running', 'succeeded', 'failed') THEN now() ELSE started_at END,
                            finished_at = CASE WHEN finished_at IS NULL AND ? IN ('succeeded', 'failed', 'cancelled') THEN now() ELSE finished_at END,
                            updated_at = now()
                        WHERE benchmark_id = ? AND ordinal = ?""")
                .params(state, datasetId, jobId, runId, failureReason, trainingOutcome, state, state, id, ordinal)
                .update();
    }

    /** Marks the benchmark cancelled; cells not yet handed to the training-service end at once. */
    @Transactional
    void cancel(UUID id) {
        jdbc.sql("UPDATE results.benchmarks SET cancelled = true WHERE id = ?").param(id).update();
        jdbc.sql("""
                        UPDATE results.benchmark_cells SET state = 'cancelled', finished_at = now(), updated_at = now()
                        WHERE benchmark_id = ? AND state = 'pending' AND job_id IS NULL""")
                .param(id)
                .update();
    }

    private BenchmarkRow benchmark(ResultSet rs, int i) throws SQLException {
        return new BenchmarkRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                json.readValue(rs.getString(3), BenchmarkProtocol.class),
                json.readValue(rs.getString(4), new TypeReference<List<SystemResponse>>() {}),
                json.readValue(rs.getString(5), new TypeReference<List<Map<String, Object>>>() {}),
                json.readValue(rs.getString(6), new TypeReference<List<Long>>() {}),
                rs.getBoolean(7),
                rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    private CellRow cell(ResultSet rs, int i) throws SQLException {
        var cell = new BenchmarkCellResponse(
                rs.getObject(1, UUID.class),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                json.readValue(rs.getString(6), new TypeReference<Map<String, Object>>() {}),
                rs.getLong(7),
                rs.getString(8),
                rs.getString(9),
                rs.getObject(10, UUID.class),
                rs.getObject(11, UUID.class),
                rs.getString(12),
                rs.getString(13),
                json.readValue(rs.getString(14), BenchmarkProtocol.class),
                rs.getBoolean(15));
        OffsetDateTime started = rs.getObject(16, OffsetDateTime.class);
        OffsetDateTime finished = rs.getObject(17, OffsetDateTime.class);
        return new CellRow(cell, started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant());
    }
}
