package io.chaoscast.training.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PostgreSQL-backed job queue. Every state change is one guarded UPDATE, so two replicas can
 * never both think they own a job: claims use {@code FOR UPDATE SKIP LOCKED}, and heartbeats,
 * progress and completion only touch a row whose lease this worker still holds.
 */
@Repository
public class JobRepository {

    /** Why a job ended that a user cancelled while it ran. */
    public static final String CANCELLED_BY_REQUEST = "cancelled by request";

    /** What every ending of a job sets: when, and no worker holds it any more. */
    private static final String ENDED_NOW = " finished_at = now(), updated_at = now(), lease_owner = NULL, lease_expires_at = NULL";

    /**
     * A succeeded job's message: how its training ended, not the delivery it has done. Jobs trained
     * before the training outcome was recorded fall back to their epochs.
     */
    private static final String SUCCEEDED_MESSAGE = "CASE WHEN training_outcome IS NOT NULL THEN 'succeeded; ' || training_outcome"
            + " WHEN epoch < epochs THEN 'succeeded; training stopped early after epoch ' || epoch || ' of ' || epochs"
            + " ELSE 'succeeded' END";

    private static final String COLUMNS =
            "id, status, dataset_id, experiment, model_type, request::text AS request, run_id, model_id, epoch, epochs,"
                    + " train_loss, val_loss, eta_seconds, message, failure_reason, training_outcome, attempts, max_attempts, lease_owner,"
                    + " lease_expires_at, cancel_requested, created_at, started_at, finished_at";

    private final JdbcClient jdbc;

    public JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String datasetId, String experiment, String modelType, String requestJson, UUID runId, int maxAttempts) {
        jdbc.sql("INSERT INTO training.jobs (id, status, dataset_id, experiment, model_type, request, run_id, max_attempts)"
                        + " VALUES (:id, 'queued', :dataset, :experiment, :type, CAST(:request AS jsonb), :run, :max)")
                .param("id", id)
                .param("dataset", datasetId)
                .param("experiment", experiment)
                .param("type", modelType)
                .param("request", requestJson)
                .param("run", runId)
                .param("max", maxAttempts)
                .update();
    }

    public Optional<TrainingJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training.jobs WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    public List<TrainingJob> page(String status, int limit, long offset) {
        String where = status == null ? "" : " WHERE status = :status";
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM training.jobs" + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset);
        if (status != null) {
            spec = spec.param("status", status);
        }
        return spec.query(MAPPER).list();
    }

    public long count(String status) {
        String where = status == null ? "" : " WHERE status = :status";
        var spec = jdbc.sql("SELECT count(*) FROM training.jobs" + where);
        if (status != null) {
            spec = spec.param("status", status);
        }
        return spec.query(Long.class).single();
    }

    /**
     * Fails running jobs whose lease ran out and that have used up their attempts, with the reason
     * stored. Called by the replicas' sweepers so that such a job never stays {@code running} forever. A
     * job with a cancel request is left to {@link #cancelAbandoned}: the user asked for it to end.
     *
     * @return how many jobs were failed
     */
    public int failAbandoned() {
        return jdbc.sql("UPDATE training.jobs SET status = 'failed', finished_at = now(), updated_at = now(), lease_owner = NULL,"
                        + " failure_reason = 'worker ' || coalesce(lease_owner, '?') || ' stopped heartbeating and the job had used all '"
                        + " || max_attempts || ' attempts; resubmit it, and check the training-service logs of that worker'"
                        + " WHERE status = 'running' AND lease_expires_at < now() AND attempts >= max_attempts AND NOT cancel_requested")
                .update();
    }

    /**
     * Ends as succeeded the running jobs whose lease ran out after their delivery was complete
     * (the outbox records it delivered: model registered, run finished) but before the success was
     * recorded, a database outage longer than the tolerance at that moment. Called before {@link
     * #cancelAbandoned} and {@link #failAbandoned}, which would otherwise end such a job cancelled
     * or, on its last attempt, failed, though its model is registered.
     *
     * @return how many jobs were ended
     */
    public int succeedDelivered() {
        return jdbc.sql("UPDATE training.jobs j SET status = 'succeeded', model_id = o.model_id, failure_reason = NULL,"
                        + " message = " + SUCCEEDED_MESSAGE + "," // epoch and epochs: only jobs has them
                        + " run_closed = true," + ENDED_NOW
                        + " FROM training.outbox o"
                        + " WHERE o.job_id = j.id AND o.delivered_at IS NOT NULL AND o.model_id IS NOT NULL"
                        + " AND j.status = 'running' AND j.lease_expires_at < now()")
                .update();
    }

    /**
     * Cancels jobs with a cancel request that no worker will ever stop: running ones whose worker
     * died before it saw the request (claims skip them), and queued ones that an earlier version
     * handed back to the queue with the request still set. They end as a cancellation seen by
     * their worker does; the sweeper then cancels their runs.
     *
     * @return how many jobs were cancelled
     */
    public int cancelAbandoned() {
        return jdbc.sql("UPDATE training.jobs SET status = 'cancelled', failure_reason = :reason, run_closed = false,"
                        + ENDED_NOW
                        + " WHERE cancel_requested AND (status = 'queued' OR (status = 'running' AND lease_expires_at < now()))")
                .param("reason", CANCELLED_BY_REQUEST)
                .update();
    }

    /**
     * Claims the oldest queued job, or a running job whose worker's lease expired (its worker
     * died): such a job is trained again from the start, which the same seed makes give the same
     * result.
     */
    @Transactional
    public Optional<TrainingJob> claim(String owner, Duration lease) {
        return jdbc.sql("UPDATE training.jobs SET status = 'running', lease_owner = :owner,"
                        + " lease_expires_at = now() + make_interval(secs => :lease), attempts = attempts + 1,"
                        + " started_at = coalesce(started_at, now()), updated_at = now(),"
                        + " message = CASE WHEN status = 'running' THEN 'resumed after worker ' || coalesce(lease_owner, '?') || ' was lost' ELSE message END"
                        + " WHERE id = (SELECT id FROM training.jobs"
                        + "   WHERE (status = 'queued' OR (status = 'running' AND lease_expires_at < now() AND attempts < max_attempts))"
                        + "     AND NOT cancel_requested"
                        + "   ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)"
                        + " RETURNING " + COLUMNS)
                .param("owner", owner)
                .param("lease", lease.toMillis() / 1000.0)
                .query(MAPPER)
                .optional();
    }

    /** Whether {@code owner} holds the job: it is running under that worker's lease, expired or not. */
    public boolean holds(UUID id, String owner) {
        return jdbc.sql("SELECT count(*) FROM training.jobs WHERE id = :id AND lease_owner = :owner AND status = 'running'")
                .param("id", id)
                .param("owner", owner)
                .query(Long.class)
                .single() == 1;
    }

    /** Renews the lease; false when this worker no longer owns the job. */
    public boolean heartbeat(UUID id, String owner, Duration lease) {
        return jdbc.sql("UPDATE training.jobs SET lease_expires_at = now() + make_interval(secs => :lease), updated_at = now()"
                        + " WHERE id = :id AND lease_owner = :owner AND status = 'running'")
                .param("id", id)
                .param("owner", owner)
                .param("lease", lease.toMillis() / 1000.0)
                .update() == 1;
    }

    /**
     * Records progress; false when this worker lost the job. A report of an epoch below the one
     * recorded (a training resumed from its checkpoint reports the epochs before it again) leaves
     * the progress as it is: the job keeps showing the furthest epoch it reached.
     */
    public boolean progress(UUID id, String owner, int epoch, int epochs, Double trainLoss, Double valLoss, Double eta, String message) {
        // The right-hand sides see the row as it was. The end of training reports no loss: keep the last epoch's.
        return jdbc.sql("UPDATE training.jobs SET"
                        + " epoch = CASE WHEN :epoch < coalesce(epoch, 0) THEN epoch ELSE :epoch END,"
                        + " epochs = CASE WHEN :epoch < coalesce(epoch, 0) THEN epochs ELSE :epochs END,"
                        + " train_loss = CASE WHEN :epoch < coalesce(epoch, 0) THEN train_loss ELSE coalesce(:train, train_loss) END,"
                        + " val_loss = CASE WHEN :epoch < coalesce(epoch, 0) THEN val_loss ELSE coalesce(:val, val_loss) END,"
                        + " eta_seconds = CASE WHEN :epoch < coalesce(epoch, 0) THEN eta_seconds ELSE :eta END,"
                        + " message = CASE WHEN :epoch < coalesce(epoch, 0) THEN message ELSE :message END, updated_at = now()"
                        + " WHERE id = :id AND lease_owner = :owner AND status = 'running'")
                .param("id", id)
                .param("owner", owner)
                .param("epoch", epoch)
                .param("epochs", epochs)
                .param("train", trainLoss)
                .param("val", valLoss)
                .param("eta", eta)
                .param("message", message)
                .update() == 1;
    }

    /**
     * Records how the job's training ended (see {@code V4__training_outcome.sql}); false when this
     * worker lost the job.
     */
    public boolean trainingOutcome(UUID id, String owner, String outcome) {
        return jdbc.sql("UPDATE training.jobs SET training_outcome = :outcome, updated_at = now()"
                        + " WHERE id = :id AND lease_owner = :owner AND status = 'running'")
                .param("id", id)
                .param("owner", owner)
                .param("outcome", outcome)
                .update() == 1;
    }

    /**
     * Records a phase of the job besides its epochs (downloading, evaluating, delivering): the
     * epoch reached stays; false when this worker lost the job.
     *
     * @param epochs the most epochs the job trains, or null to keep what is recorded
     */
    public boolean phase(UUID id, String owner, Integer epochs, String message) {
        return jdbc.sql("UPDATE training.jobs SET epoch = coalesce(epoch, 0), epochs = coalesce(CAST(:epochs AS integer), epochs),"
                        + " message = :message, updated_at = now()"
                        + " WHERE id = :id AND lease_owner = :owner AND status = 'running'")
                .param("id", id)
                .param("owner", owner)
                .param("epochs", epochs)
                .param("message", message)
                .update() == 1;
    }

    public boolean isCancelRequested(UUID id) {
        return jdbc.sql("SELECT cancel_requested FROM training.jobs WHERE id = :id").param("id", id).query(Boolean.class).optional().orElse(false);
    }

    public boolean succeed(UUID id, String owner, String modelId) {
        return finish(id, owner, "succeeded", null, modelId);
    }

    public boolean fail(UUID id, String owner, String reason) {
        return finish(id, owner, "failed", reason, null);
    }

    public boolean cancelled(UUID id, String owner, String reason) {
        return finish(id, owner, "cancelled", reason, null);
    }

    private boolean finish(UUID id, String owner, String status, String reason, String modelId) {
        // A succeeded job closed its run before; a failed or cancelled one leaves it to closeOpenRuns.
        // A failed or cancelled job's message says where it was when it ended (failure_reason
        // why); a succeeded one's says how its training ended, not the delivery it has done.
        return jdbc.sql("UPDATE training.jobs SET status = :status, failure_reason = :reason, model_id = coalesce(:model, model_id),"
                        + " message = CASE WHEN :status <> 'succeeded' THEN message ELSE " + SUCCEEDED_MESSAGE + " END,"
                        + " run_closed = (:status = 'succeeded'),"
                        + ENDED_NOW
                        + " WHERE id = :id AND lease_owner = :owner AND status = 'running'")
                .param("id", id)
                .param("owner", owner)
                .param("status", status)
                .param("reason", reason)
                .param("model", modelId)
                .update() == 1;
    }

    /**
     * Gives a job back to the queue when its worker shuts down cleanly, so another takes it at once;
     * a job with a cancel request is cancelled instead, since claims skip such a job and it would
     * wait in the queue forever. The request is read in the same statement, so one that comes
     * while the worker stops is not missed.
     *
     * @return the job's status after the release, empty when this worker no longer held it
     */
    public Optional<JobStatus> release(UUID id, String owner) {
        return jdbc.sql("UPDATE training.jobs SET status = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'queued' END,"
                        + " failure_reason = CASE WHEN cancel_requested THEN :reason ELSE failure_reason END,"
                        + " finished_at = CASE WHEN cancel_requested THEN now() ELSE finished_at END, run_closed = false,"
                        + " lease_owner = NULL, lease_expires_at = NULL,"
                        + " attempts = CASE WHEN cancel_requested THEN attempts ELSE greatest(attempts - 1, 0) END,"
                        + " message = CASE WHEN cancel_requested THEN message ELSE 'returned to the queue by a worker that shut down' END,"
                        + " updated_at = now()"
                        + " WHERE id = :id AND lease_owner = :owner AND status = 'running'"
                        + " RETURNING status")
                .param("id", id)
                .param("owner", owner)
                .param("reason", CANCELLED_BY_REQUEST)
                .query(String.class)
                .optional()
                .map(JobStatus::fromWire);
    }

    /**
     * Asks for cancellation: a queued job is cancelled at once, a running one is flagged and its
     * worker stops at the next progress report.
     *
     * @return the job after the request, empty when it does not exist
     */
    @Transactional
    public Optional<TrainingJob> requestCancel(UUID id) {
        jdbc.sql("UPDATE training.jobs SET status = 'cancelled', failure_reason = 'cancelled by request before it started',"
                        + " finished_at = now(), updated_at = now(), cancel_requested = true WHERE id = :id AND status = 'queued'")
                .param("id", id)
                .update();
        jdbc.sql("UPDATE training.jobs SET cancel_requested = true, updated_at = now() WHERE id = :id AND status = 'running'")
                .param("id", id)
                .update();
        return find(id);
    }

    /**
     * Replaces the job's checkpoint, only while {@code owner} holds the job.
     *
     * @return false when this worker lost the job (its checkpoint must not overwrite the new owner's)
     */
    public boolean saveCheckpoint(UUID id, String owner, int epoch, byte[] state) {
        return jdbc.sql("INSERT INTO training.checkpoints AS c (job_id, epoch, state)"
                        + " SELECT id, :epoch, :state FROM training.jobs WHERE id = :id AND lease_owner = :owner AND status = 'running'"
                        + " ON CONFLICT (job_id) DO UPDATE SET epoch = excluded.epoch, state = excluded.state, updated_at = now()")
                .param("id", id)
                .param("owner", owner)
                .param("epoch", epoch)
                .param("state", state)
                .update() == 1;
    }

    /** The state saved after the job's last finished epoch, if any. */
    public Optional<byte[]> checkpoint(UUID id) {
        return jdbc.sql("SELECT state FROM training.checkpoints WHERE job_id = :id").param("id", id).query(byte[].class).optional();
    }

    /** Ended jobs whose run may still be open at the results-service (a close was not confirmed). */
    public List<TrainingJob> endedWithOpenRun(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training.jobs WHERE NOT run_closed AND status IN ('succeeded', 'failed', 'cancelled')"
                        + " ORDER BY finished_at LIMIT :limit")
                .param("limit", limit)
                .query(MAPPER)
                .list();
    }

    /**
     * Drops metric journals of ended jobs whose runs are closed: a closed run takes no more points,
     * so such rows (an append that lost a race with the job's end) would only accumulate.
     *
     * @return how many rows were dropped
     */
    public int dropJournalsOfClosedRuns() {
        return jdbc.sql("DELETE FROM training.metric_journal m USING training.jobs j"
                        + " WHERE m.job_id = j.id AND j.run_closed AND j.status IN ('succeeded', 'failed', 'cancelled')")
                .update();
    }

    public void markRunClosed(UUID id) {
        jdbc.sql("UPDATE training.jobs SET run_closed = true WHERE id = :id").param("id", id).update();
    }

    /** For tests and operators: make a running job's lease expire now. */
    public int expireLease(UUID id) {
        return jdbc.sql("UPDATE training.jobs SET lease_expires_at = now() - interval '1 second' WHERE id = :id AND status = 'running'")
                .param("id", id)
                .update();
    }

    private static final RowMapper<TrainingJob> MAPPER = JobRepository::map;

    private static TrainingJob map(ResultSet rs, int row) throws SQLException {
        return new TrainingJob(
                rs.getObject("id", UUID.class),
                JobStatus.fromWire(rs.getString("status")),
                rs.getString("dataset_id"),
                rs.getString("experiment"),
                rs.getString("model_type"),
                rs.getString("request"),
                rs.getObject("run_id", UUID.class),
                rs.getString("model_id"),
                (Integer) rs.getObject("epoch"),
                (Integer) rs.getObject("epochs"),
                (Double) rs.getObject("train_loss"),
                (Double) rs.getObject("val_loss"),
                (Double) rs.getObject("eta_seconds"),
                rs.getString("message"),
                rs.getString("failure_reason"),
                rs.getString("training_outcome"),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                rs.getString("lease_owner"),
                instant(rs.getTimestamp("lease_expires_at")),
                rs.getBoolean("cancel_requested"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
