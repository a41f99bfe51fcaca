package io.chaoscast.training.delivery;

import io.chaoscast.contracts.results.MetricPointRequest;
import io.chaoscast.web.json.StoredJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code training.metric_journal}: every metric point a job logged, durable until its run is
 * closed, so that the points the live path could not deliver reach the run however the job ends.
 */
@Repository
public class MetricJournal {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MetricJournal(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = StoredJson.mapper(json);
    }

    /**
     * Adds points of a job, only while {@code owner} holds it; a point the journal has (a
     * checkpointed epoch reported again) is kept as first logged.
     *
     * @return false when this worker lost the job
     */
    public boolean append(UUID jobId, String owner, Collection<MetricPointRequest> points) {
        // One statement for the lot; the timestamp as text, whatever the mapper does with instants.
        List<Map<String, Object>> rows = points.stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", p.key());
            row.put("step", p.step());
            row.put("value", p.value());
            row.put("at", (p.timestamp() == null ? Instant.now() : p.timestamp()).toString());
            return row;
        }).toList();
        // FOR SHARE: an append racing with the statement that ends the job waits for it and then
        // sees the job ended, so no row lands after the journal was sent and dropped.
        return jdbc.sql("WITH owned AS (SELECT id FROM training.jobs WHERE id = :id AND lease_owner = :owner AND status = 'running'"
                        + " FOR SHARE),"
                        + " ins AS (INSERT INTO training.metric_journal (job_id, key, step, value, logged_at)"
                        + "   SELECT owned.id, p.key, p.step, p.value, p.at"
                        + "   FROM owned, jsonb_to_recordset(CAST(:points AS jsonb)) AS p(key text, step bigint, value double precision, at timestamptz)"
                        + "   ON CONFLICT (job_id, key, step) DO NOTHING)"
                        + " SELECT count(*) FROM owned")
                .param("id", jobId)
                .param("owner", owner)
                .param("points", json.writeValueAsString(rows))
                .query(Long.class)
                .single() == 1;
    }

    /** The job's points in the order they were logged. */
    public List<MetricPointRequest> points(UUID jobId) {
        return jdbc.sql("SELECT key, step, value, logged_at FROM training.metric_journal WHERE job_id = :id ORDER BY logged_at, key, step")
                .param("id", jobId)
                .query((rs, i) -> new MetricPointRequest(rs.getString("key"), rs.getDouble("value"), rs.getLong("step"), instant(rs.getTimestamp("logged_at"))))
                .list();
    }

    /** The run is closed: it holds every point it will ever take. */
    public void drop(UUID jobId) {
        jdbc.sql("DELETE FROM training.metric_journal WHERE job_id = :id").param("id", jobId).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
