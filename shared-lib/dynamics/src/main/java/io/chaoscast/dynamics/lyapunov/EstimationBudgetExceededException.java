package io.chaoscast.dynamics.lyapunov;

/**
 * A Lyapunov estimate ran past its wall-clock budget; typically a stiff flow whose explicit
 * integrator crawls, or a trajectory that slowly escapes.
 */
public final class EstimationBudgetExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double reached;

    public EstimationBudgetExceededException(String system, double budgetSeconds, double reached, double end) {
        super(system + ": Lyapunov estimation stopped after its budget of " + budgetSeconds + " s at t=" + reached
                + " of " + end + "; shorten the duration or loosen the tolerances");
        this.reached = reached;
    }

    /** Time (or iteration) the estimate had reached when it was stopped. */
    public double reached() {
        return reached;
    }
}
