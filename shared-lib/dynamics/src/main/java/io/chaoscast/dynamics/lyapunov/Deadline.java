package io.chaoscast.dynamics.lyapunov;

import java.time.Duration;

/** A wall-clock budget for one estimate; {@link #NONE} never expires. */
final class Deadline {

    static final Deadline NONE = new Deadline(null);

    private final Duration budget;
    private final long expiresAt;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.expiresAt = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
    }

    static Deadline of(Duration budget) {
        return budget == null ? NONE : new Deadline(budget);
    }

    /**
     * Whether four fifths of the budget are spent: an adaptive estimate stops at its next batch
     * boundary and answers unconverged, before the hard limit would throw.
     */
    boolean softExpired() {
        return budget != null && System.nanoTime() - (expiresAt - budget.toNanos() / 5) > 0;
    }

    /** @throws EstimationBudgetExceededException when the budget is spent */
    void check(String system, double reached, double end) {
        if (budget != null && System.nanoTime() - expiresAt > 0) {
            throw new EstimationBudgetExceededException(system, budget.toMillis() / 1000.0, reached, end);
        }
    }
}
