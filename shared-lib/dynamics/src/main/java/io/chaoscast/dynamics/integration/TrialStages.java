package io.chaoscast.dynamics.integration;

/**
 * Keeps an adaptive integrator alive when a trial stage lands outside the domain of the equations.
 *
 * <p>An embedded Runge-Kutta step evaluates the right-hand side at trial points that may lie far
 * from the solution when the step is too long: a switch such as {@code tanh(66 sin(2 pi t / tau))}
 * or a power {@code p^(5/4)} is then evaluated where it overflows or has no real value. Hipparchus
 * aborts with "NaN appears during integration" instead of rejecting the step. Replacing a
 * non-finite derivative by a huge finite one makes the error estimate huge, so the step is
 * rejected and shortened; an accepted step never contains such a value (its error would be far
 * above tolerance), and a trajectory that really diverges still ends in a step-size collapse,
 * which callers report as divergence.
 */
public final class TrialStages {

    /** Large enough to force a rejection, small enough that squaring it in an error norm stays finite. */
    static final double REJECTING_DERIVATIVE = 1e100;

    private TrialStages() {}

    /** Replaces every non-finite entry of {@code dydt} in place. */
    public static double[] rejectNonFinite(double[] dydt) {
        for (int i = 0; i < dydt.length; i++) {
            if (!Double.isFinite(dydt[i])) {
                dydt[i] = dydt[i] < 0 ? -REJECTING_DERIVATIVE : REJECTING_DERIVATIVE;
            }
        }
        return dydt;
    }
}
