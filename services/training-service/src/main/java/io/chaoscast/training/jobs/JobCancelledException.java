package io.chaoscast.training.jobs;

/** Thrown inside a job when a cancel request or a lost lease means it must stop now. */
public final class JobCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean leaseLost;

    public JobCancelledException(String message, boolean leaseLost) {
        super(message);
        this.leaseLost = leaseLost;
    }

    /** True when another worker now owns the job: this one must leave the row alone. */
    public boolean leaseLost() {
        return leaseLost;
    }
}
