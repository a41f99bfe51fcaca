package io.chaoscast.training.jobs;

import java.time.Duration;
import java.util.UUID;

/**
 * What a running job may tell the queue: progress, which also checks for cancellation and for a
 * lost lease.
 */
public final class JobContext {

    private final JobRepository jobs;
    private final UUID jobId;
    private final String owner;
    private final long startNanos = System.nanoTime();
    private volatile boolean stopRequested;

    JobContext(JobRepository jobs, UUID jobId, String owner) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.owner = owner;
    }

    /**
     * Records epoch progress with an ETA extrapolated from the time per epoch so far.
     *
     * @throws JobCancelledException when the job was cancelled or this worker lost it
     */
    public void progress(int epoch, int epochs, Double trainLoss, Double valLoss, String message) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        Double eta = epoch > 0 ? elapsed / epoch * Math.max(0, epochs - epoch) : null;
        if (!jobs.progress(jobId, owner, epoch, epochs, finiteOrNull(trainLoss), finiteOrNull(valLoss), eta, message)) {
            throw new JobCancelledException("this worker no longer holds the lease on job " + jobId, true);
        }
        checkCancelled();
    }

    /** Throws when the job should stop: cancelled by a user, or the service is shutting down. */
    public void checkCancelled() {
        if (stopRequested) {
            throw new JobCancelledException("the worker is shutting down", false);
        }
        if (jobs.isCancelRequested(jobId)) {
            throw new JobCancelledException("cancelled by request", false);
        }
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    String owner() {
        return owner;
    }

    void requestStop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    private static Double finiteOrNull(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }
}
