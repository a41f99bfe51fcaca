package io.chaoscast.training.jobs;

/**
 * The seconds a training has left, from its own clock: the time per epoch so far times the epochs
 * left, capped by what is left of its time budget.
 *
 * <p>The time per epoch leaves out what the training spent before its first epoch (the base
 * model's library search, up to a minute by default): counted in, it made the first epochs' ETA
 * read the search's length once per epoch left. From the second epoch on the rate is that of the
 * epochs after the first, which also carry the rollout training the first one lacks. A resumed
 * training reports its checkpointed epochs again, with the clock of the workers that trained them,
 * so its rate holds across a restart.
 */
public final class TrainingEta {

    private final double budgetSeconds;
    private double setUpSeconds;
    private double firstEpochEnd = Double.NaN;

    /** @param budgetSeconds the training's time budget, which ends it before its epochs; 0 for none */
    public TrainingEta(double budgetSeconds) {
        this.budgetSeconds = budgetSeconds;
    }

    /** The seconds spent before the first epoch, which the first epoch's clock includes. */
    public void setUp(double seconds) {
        setUpSeconds = Math.max(0, seconds);
    }

    /**
     * @param epoch the epoch just finished, 1-based
     * @param epochs the most epochs the training may run
     * @param elapsedSeconds the training's clock at the end of {@code epoch}, set-up included
     * @return the seconds left, at least 0
     */
    public double after(int epoch, int epochs, double elapsedSeconds) {
        if (epoch == 1) {
            firstEpochEnd = elapsedSeconds;
        }
        double perEpoch = epoch >= 2 && !Double.isNaN(firstEpochEnd)
                ? (elapsedSeconds - firstEpochEnd) / (epoch - 1)
                : (elapsedSeconds - Math.min(setUpSeconds, elapsedSeconds)) / Math.max(1, epoch);
        double eta = Math.max(0, perEpoch) * Math.max(0, epochs - epoch);
        if (budgetSeconds > 0) {
            eta = Math.min(eta, Math.max(0, budgetSeconds - elapsedSeconds));
        }
        return eta;
    }
}
