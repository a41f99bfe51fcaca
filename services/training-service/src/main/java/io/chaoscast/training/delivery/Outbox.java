package io.chaoscast.training.delivery;

import io.chaoscast.contracts.results.MetricPointRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import io.chaoscast.web.json.StoredJson;
import tools.jackson.databind.json.JsonMapper;

/** {@code training.outbox}: a job's products, durable before the first byte goes to the results-service. */
@Repository
public class Outbox {

    private static final TypeReference<List<MetricPointRequest>> POINTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = StoredJson.mapper(json);
    }

    /**
     * Stores the entry and drops the job's checkpoint (no longer needed: a restart delivers the
     * entry instead of training again), only while {@code owner} holds the job.
     *
     * @return false when this worker lost the job and nobody stored the entry
     */
    public boolean save(OutboxEntry e, String owner) {
        jdbc.sql("WITH ins AS (INSERT INTO training.outbox (job_id, run_id, model_name, artifact, metrics)"
                        + "   SELECT id, :run, :name, :artifact, CAST(:metrics AS jsonb) FROM training.jobs"
                        + "   WHERE id = :id AND lease_owner = :owner AND status = 'running'"
                        + "   ON CONFLICT (job_id) DO NOTHING RETURNING job_id)"
                        + " DELETE FROM training.checkpoints WHERE job_id IN (SELECT job_id FROM ins)")
                .param("id", e.jobId())
                .param("owner", owner)
                .param("run", e.runId())
                .param("name", e.modelName())
                .param("artifact", e.artifact())
                .param("metrics", json.writeValueAsString(e.metrics()))
                .update();
        return find(e.jobId()).isPresent();
    }

    public Optional<OutboxEntry> find(UUID jobId) {
        return jdbc.sql("SELECT job_id, run_id, model_name, artifact, metrics::text AS metrics, model_id FROM training.outbox WHERE job_id = :id")
                .param("id", jobId)
                .query((rs, i) -> new OutboxEntry(
                        rs.getObject("job_id", UUID.class),
                        rs.getObject("run_id", UUID.class),
                        rs.getString("model_name"),
                        rs.getBytes("artifact"),
                        json.readValue(rs.getString("metrics"), POINTS),
                        rs.getString("model_id")))
                .optional();
    }

    public void modelRegistered(UUID jobId, String modelId) {
        jdbc.sql("UPDATE training.outbox SET model_id = :model WHERE job_id = :id").param("id", jobId).param("model", modelId).update();
    }

    /**
     * The results-service holds everything: the bytes and the job's {@link MetricJournal} (the run
     * is closed) are dropped, the row stays as the record of delivery.
     */
    public void delivered(UUID jobId) {
        jdbc.sql("WITH journal AS (DELETE FROM training.metric_journal WHERE job_id = :id)"
                        + " UPDATE training.outbox SET artifact = NULL, delivered_at = now() WHERE job_id = :id")
                .param("id", jobId)
                .update();
    }
}
