package io.chaoscast.dataset.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code datasets.dataset} through plain SQL. */
@Repository
public class DatasetRepository {

    private static final String COLUMNS =
            "id, system, recipe, status, progress, trajectories, length, dimension, sampling_interval, checksum, size_bytes,"
                    + " standardization, failure_reason, attempts, created_at, updated_at, completed_at";

    private final JdbcClient jdbc;

    public DatasetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new row, or empty when a row with this id already exists (the recipe was posted before) */
    public Optional<DatasetRow> insertGenerating(
            String id, String system, String recipeJson, int trajectories, int length, int dimension, double dt) {
        return jdbc.sql("INSERT INTO datasets.dataset (id, system, recipe, status, trajectories, length, dimension, sampling_interval)"
                        + " VALUES (:id, :system, :recipe, 'generating', :t, :l, :d, :dt) ON CONFLICT (id) DO NOTHING RETURNING "
                        + COLUMNS)
                .param("id", id)
                .param("system", system)
                .param("recipe", recipeJson)
                .param("t", trajectories)
                .param("l", length)
                .param("d", dimension)
                .param("dt", dt)
                .query(DatasetRepository::map)
                .optional();
    }

    /**
     * Inserts a dataset that was generated before its row existed (the synchronous path): ready,
     * or failed with {@code failureReason}. One statement, one commit.
     *
     * @return the new row, or empty when a row with this id appeared meanwhile (an identical recipe
     *     posted concurrently)
     */
    public Optional<DatasetRow> insertFinished(
            String id,
            String system,
            String recipeJson,
            int trajectories,
            int length,
            int dimension,
            double dt,
            String checksum,
            Long sizeBytes,
            String standardizationJson,
            String failureReason) {
        return jdbc.sql("INSERT INTO datasets.dataset (id, system, recipe, status, progress, trajectories, length, dimension,"
                        + " sampling_interval, checksum, size_bytes, standardization, failure_reason, completed_at)"
                        + " VALUES (:id, :system, :recipe, :status, :progress, :t, :l, :d, :dt, :c, :s, :std, :r, now())"
                        + " ON CONFLICT (id) DO NOTHING RETURNING " + COLUMNS)
                .param("id", id)
                .param("system", system)
                .param("recipe", recipeJson)
                .param("status", failureReason == null ? "ready" : "failed")
                .param("progress", failureReason == null ? 1.0 : 0.0)
                .param("t", trajectories)
                .param("l", length)
                .param("d", dimension)
                .param("dt", dt)
                .param("c", checksum, Types.VARCHAR)
                .param("s", sizeBytes, Types.BIGINT)
                .param("std", standardizationJson, Types.VARCHAR)
                .param("r", failureReason, Types.VARCHAR)
                .query(DatasetRepository::map)
                .optional();
    }

    public Optional<DatasetRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM datasets.dataset WHERE id = :id")
                .param("id", id)
                .query(DatasetRepository::map)
                .optional();
    }

    public List<DatasetRow> page(String system, String status, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM datasets.dataset WHERE (CAST(:system AS varchar) IS NULL OR system = :system)"
                        + " AND (CAST(:status AS varchar) IS NULL OR status = :status)"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("system", system)
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query(DatasetRepository::map)
                .list();
    }

    public long count(String system, String status) {
        return jdbc.sql("SELECT count(*) FROM datasets.dataset WHERE (CAST(:system AS varchar) IS NULL OR system = :system)"
                        + " AND (CAST(:status AS varchar) IS NULL OR status = :status)")
                .param("system", system)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    public void progress(String id, double progress) {
        jdbc.sql("UPDATE datasets.dataset SET progress = :p, updated_at = now() WHERE id = :id AND status = 'generating'")
                .param("p", Math.max(0, Math.min(1, progress)))
                .param("id", id)
                .update();
    }

    /** Tells other replicas that these generations are alive. */
    public void heartbeat(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE datasets.dataset SET updated_at = now() WHERE status = 'generating' AND id IN (:ids)")
                .param("ids", ids)
                .update();
    }

    /**
     * Marks a generating dataset ready; a final status is never changed, so a duplicate generation
     * that ends late cannot flip a dataset.
     *
     * @return the row, empty when it is not generating (or absent)
     */
    public Optional<DatasetRow> ready(String id, String checksum, long sizeBytes, String standardizationJson) {
        return jdbc.sql("UPDATE datasets.dataset SET status = 'ready', progress = 1, checksum = :c, size_bytes = :s,"
                        + " standardization = :std, failure_reason = NULL, updated_at = now(), completed_at = now()"
                        + " WHERE id = :id AND status = 'generating' RETURNING " + COLUMNS)
                .param("c", checksum)
                .param("s", sizeBytes)
                // Typed: a null of unknown type makes Spring ask the driver for the parameter's type,
                // one more round trip to PostgreSQL on every ready dataset.
                .param("std", standardizationJson, Types.VARCHAR)
                .param("id", id)
                .query(DatasetRepository::map)
                .optional();
    }

    /** Marks a generating dataset failed; empty when it is not generating, as for {@link #ready}. */
    public Optional<DatasetRow> failed(String id, String reason) {
        return jdbc.sql("UPDATE datasets.dataset SET status = 'failed', failure_reason = :r, updated_at = now(), completed_at = now()"
                        + " WHERE id = :id AND status = 'generating' RETURNING " + COLUMNS)
                .param("r", reason)
                .param("id", id)
                .query(DatasetRepository::map)
                .optional();
    }

    /**
     * Turns a failed dataset back into a fresh generation (attempts, progress and reason reset).
     *
     * @return the row, empty when the dataset is not failed (ready, generating, or absent)
     */
    public Optional<DatasetRow> restartFailed(String id) {
        return jdbc.sql("UPDATE datasets.dataset SET status = 'generating', failure_reason = NULL, progress = 0, attempts = 1,"
                        + " checksum = NULL, size_bytes = NULL, completed_at = NULL, updated_at = now()"
                        + " WHERE id = :id AND status = 'failed' RETURNING " + COLUMNS)
                .param("id", id)
                .query(DatasetRepository::map)
                .optional();
    }

    /** Removes the row only while it is failed, so that its recipe can be generated anew. */
    public void deleteFailed(String id) {
        jdbc.sql("DELETE FROM datasets.dataset WHERE id = :id AND status = 'failed'").param("id", id).update();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM datasets.dataset WHERE id = :id").param("id", id).update();
    }

    /** Generations with a heartbeat within {@code staleAfter}: some instance is generating them. */
    public List<String> liveGenerating(Duration staleAfter) {
        return jdbc.sql("SELECT id FROM datasets.dataset WHERE status = 'generating'"
                        + " AND updated_at >= now() - make_interval(secs => :s)")
                .param("s", staleAfter.toMillis() / 1000.0)
                .query(String.class)
                .list();
    }

    /** Generations without a heartbeat for {@code staleAfter}: their generator is gone. */
    public List<String> staleGenerating(Duration staleAfter) {
        return jdbc.sql("SELECT id FROM datasets.dataset WHERE status = 'generating'"
                        + " AND updated_at < now() - make_interval(secs => :s) ORDER BY created_at")
                .param("s", staleAfter.toMillis() / 1000.0)
                .query(String.class)
                .list();
    }

    /**
     * Takes over a stale generation; only one replica wins.
     *
     * @return the attempt number now started, or 0 when another replica claimed it first
     */
    public int claim(String id, Duration staleAfter) {
        return jdbc.sql("UPDATE datasets.dataset SET attempts = attempts + 1, progress = 0, updated_at = now()"
                        + " WHERE id = :id AND status = 'generating' AND updated_at < now() - make_interval(secs => :s)"
                        + " RETURNING attempts")
                .param("id", id)
                .param("s", staleAfter.toMillis() / 1000.0)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Gives a claim back when the work could not be queued, so the attempt does not count. */
    public void unclaim(String id) {
        jdbc.sql("UPDATE datasets.dataset SET attempts = attempts - 1, updated_at = now() - interval '1 day'"
                        + " WHERE id = :id AND status = 'generating'")
                .param("id", id)
                .update();
    }

    private static DatasetRow map(ResultSet rs, int row) throws SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        String checksum = rs.getString("checksum");
        return new DatasetRow(
                rs.getString("id"),
                rs.getString("system"),
                rs.getString("recipe"),
                rs.getString("status"),
                rs.getDouble("progress"),
                rs.getInt("trajectories"),
                rs.getInt("length"),
                rs.getInt("dimension"),
                rs.getDouble("sampling_interval"),
                checksum == null ? null : checksum.trim(),
                sizeBytes,
                rs.getString("standardization"),
                rs.getString("failure_reason"),
                rs.getInt("attempts"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
