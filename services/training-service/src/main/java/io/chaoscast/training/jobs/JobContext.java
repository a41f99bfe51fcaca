package io.chaoscast.training.jobs;

import io.chaoscast.models.earlyexit.CheckpointStore;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a running job may tell the queue: progress, which also checks for cancellation and for a
 * lost lease, and its checkpoints. Every database write here waits out a PostgreSQL outage of up
 * to {@code outageTolerance} (see {@link OutageRetry}) instead of failing the job.
 */
public final class JobContext {

    private final JobRepository jobs;
    private final UUID jobId;
    private final String owner;
    private final Duration outageTolerance;
    private final long startNanos = System.nanoTime();
    /** The ETA of {@link #progress(int, int, Double, Double, String)}, on this worker's clock. */
    private final TrainingEta workerEta = new TrainingEta(0);
    private volatile boolean stopRequested;

    public JobContext(JobRepository jobs, UUID jobId, String owner, Duration outageTolerance) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.owner = owner;
        this.outageTolerance = outageTolerance;
    }

    /** Runs a step of this job, waiting out outages of its neighbours for up to the tolerance. */
    public <T> T withRetry(String what, Supplier<T> step) {
        return OutageRetry.call(what + " (job " + jobId + ")", outageTolerance, step);
    }

    public Duration outageTolerance() {
        return outageTolerance;
    }

    /**
     * The job's checkpoints in {@code training.checkpoints}; a save is durable when it returns,
     * and throws {@link JobCancelledException} when this worker lost the job meanwhile.
     */
    public CheckpointStore checkpoints() {
        return new CheckpointStore() {
            @Override
            public byte[] latest() {
                return withRetry("reading the checkpoint", () -> jobs.checkpoint(jobId)).orElse(null);
            }

            @Override
            public void save(int epoch, byte[] state) {
                if (!withRetry("saving the checkpoint of epoch " + epoch, () -> jobs.saveCheckpoint(jobId, owner, epoch, state))) {
                    throw new JobCancelledException("this worker no longer holds the lease on job " + jobId, true);
                }
            }
        };
    }

    /**
     * Records epoch progress with an ETA extrapolated from the time per epoch so far. An epoch
     * below the one the job reached (a resumed training reporting its checkpointed epochs again)
     * changes nothing shown.
     *
     * @throws JobCancelledException when the job was cancelled or this worker lost it
     */
    public void progress(int epoch, int epochs, Double trainLoss, Double valLoss, String message) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        report(epoch, epochs, trainLoss, valLoss, epoch > 0 ? workerEta.after(epoch, epochs, seconds) : null, message);
    }

    /**
     * {@link #progress(int, int, Double, Double, String)} with an ETA the training worked out from
     * its own clock ({@link TrainingEta}): a training resumed from a checkpoint counts the time its
     * earlier workers trained, as its epoch counts their epochs, where this worker's clock would
     * make the time per epoch, and so the ETA, far too small.
     */
    public void progress(int epoch, int epochs, Double trainLoss, Double valLoss, double etaSeconds, String message) {
        report(epoch, epochs, trainLoss, valLoss, etaSeconds, message);
    }

    /**
     * Records that training is over at {@code epoch} of at most {@code epochs} (fewer when it
     * stopped early): no training time is left, whatever the epochs not run; and how it ended, for
     * the job's final message ({@code succeeded; <outcome>}).
     *
     * @param outcome e.g. that it stopped early and which epoch's weights the model keeps; null
     *     when there is nothing to say beyond the epochs (also clearing what an earlier attempt said)
     * @throws JobCancelledException when the job was cancelled or this worker lost it
     */
    public void trained(int epoch, int epochs, String outcome, String message) {
        if (!withRetry("recording how training ended", () -> jobs.trainingOutcome(jobId, owner, outcome))) {
            throw new JobCancelledException("this worker no longer holds the lease on job " + jobId, true);
        }
        report(epoch, epochs, null, null, 0.0, message);
    }

    private void report(int epoch, int epochs, Double trainLoss, Double valLoss, Double eta, String message) {
        if (!withRetry("recording progress", () -> jobs.progress(jobId, owner, epoch, epochs, finiteOrNull(trainLoss), finiteOrNull(valLoss), eta, message))) {
            throw new JobCancelledException("this worker no longer holds the lease on job " + jobId, true);
        }
        checkCancelled();
    }

    /**
     * Records what the job is doing besides training epochs, keeping the epoch it reached (0 when
     * none yet), so that a job taken up again shows its checkpoint's epoch until it trains a new one.
     *
     * @param epochs the most epochs the job trains, or null to keep what is recorded
     * @throws JobCancelledException when the job was cancelled or this worker lost it
     */
    public void phase(Integer epochs, String message) {
        if (!withRetry("recording progress", () -> jobs.phase(jobId, owner, epochs, message))) {
            throw new JobCancelledException("this worker no longer holds the lease on job " + jobId, true);
        }
        checkCancelled();
    }

    /** {@link #phase(Integer, String)} keeping the epochs recorded. */
    public void phase(String message) {
        phase(null, message);
    }

    /** Throws when the job should stop: cancelled by a user, or the service is shutting down. */
    public void checkCancelled() {
        if (stopRequested) {
            throw new JobCancelledException("the worker is shutting down", false);
        }
        if (withRetry("checking for cancellation", () -> jobs.isCancelRequested(jobId))) {
            throw new JobCancelledException(JobRepository.CANCELLED_BY_REQUEST, false);
        }
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public UUID jobId() {
        return jobId;
    }

    public String owner() {
        return owner;
    }

    void requestStop() {
        stopRequested = true;
    }

    /**
     * Whether this worker still holds the job, asked of the database now: a lease lost since the
     * last heartbeat is not known to {@link #stopRequested} yet. False when the database cannot
     * tell, so that a worker never acts for a job it may have lost.
     */
    public boolean holdsLease() {
        try {
            return jobs.holds(jobId, owner);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    private static Double finiteOrNull(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }
}
