package io.chaoscast.dynamics.integration;

import io.chaoscast.dynamics.systems.Flow;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Integrates a flow with adaptive Dormand-Prince 8(5,3) and samples it on the exact uniform grid
 * {@code t_i = t_0 + transient + i * dt} from the integrator's dense output.
 *
 * <p>We read the interpolator ourselves instead of using a step normalizer: a normalizer restarts
 * its grid at every step boundary in floating point and can emit near-duplicate points.
 */
public final class FlowSampler {

    /** Values beyond this magnitude count as divergence: no catalog attractor comes close. */
    public static final double DIVERGENCE_BOUND = 1e12;

    private final IntegrationSettings settings;

    public FlowSampler(IntegrationSettings settings) {
        this.settings = settings;
    }

    /**
     * @param flow the system
     * @param p resolved parameters
     * @param y0 initial state at {@code t0}
     * @param t0 initial time (matters for forced systems)
     * @param transientTime time integrated and discarded before the first sample
     * @param dt sampling interval
     * @param length number of samples
     * @param sink receives each sample
     * @return the state at the last sample
     * @throws DivergenceException when the state becomes non-finite, exceeds {@link
     *     #DIVERGENCE_BOUND}, the step size collapses, or the integration needs more evaluations
     *     than {@link #maxEvaluations} allows
     */
    public double[] sample(
            Flow flow, double[] p, double[] y0, double t0, double transientTime, double dt, int length, TrajectorySink sink) {
        if (!(dt > 0) || length < 1 || !(transientTime >= 0)) {
            throw new IllegalArgumentException(
                    "need dt > 0, length >= 1, transient >= 0; found dt=" + dt + ", length=" + length
                            + ", transient=" + transientTime);
        }
        int n = y0.length;
        double start = t0 + transientTime;
        double end = start + (length - 1) * dt;
        // The initial step size must not exceed the sampling interval, or the first step of a fast
        // system may already leave the attractor at loose tolerances.
        double maxStep = Math.max(dt, (end - t0) / 16);
        DormandPrince853Integrator integrator =
                new DormandPrince853Integrator(1e-12 * Math.max(dt, 1e-6), maxStep, settings.atol(), settings.rtol());
        int budget = maxEvaluations((end - t0) / dt);
        integrator.setMaxEvaluations(budget);
        GridHandler handler = new GridHandler(start, dt, length, sink);
        integrator.addStepHandler(handler);
        double[] initial = y0.clone();
        checkFinite(initial, t0);
        if (end == t0) {
            sink.accept(0, initial);
            return initial;
        }
        try {
            // A flow that jumps across planes is integrated event by event, its switches located to
            // 1e-12 of the sampling interval.
            SwitchedFlow.orbit(flow, p, integrator, t0, initial, end, budget, 1e-12 * Math.max(dt, 1e-6));
        } catch (MathRuntimeException e) {
            throw new DivergenceException(
                    flow.name() + ": integration stopped near t=" + handler.lastTime + ": " + e.getMessage()
                            + "; try looser tolerances, other parameters or another initial condition",
                    handler.lastTime,
                    e);
        }
        if (handler.next < length) {
            throw new IllegalStateException("integrator ended before the last sample: " + handler.next + "/" + length);
        }
        return handler.last;
    }

    /**
     * The most derivative evaluations one trajectory may take: {@value #EVALUATIONS_PER_INTERVAL} per
     * sampling interval (transient included) on top of {@value #BASE_EVALUATIONS}. An attractor at
     * sane parameters needs a few dozen per interval; parameters far out of range (Lorenz at rho =
     * 2^31) shrink the steps without diverging, and would otherwise integrate for hours.
     */
    static int maxEvaluations(double intervals) {
        double budget = BASE_EVALUATIONS + EVALUATIONS_PER_INTERVAL * Math.max(0, intervals);
        return budget >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) budget;
    }

    static final int BASE_EVALUATIONS = 1_000_000;
    static final int EVALUATIONS_PER_INTERVAL = 1_000;

    static void checkFinite(double[] y, double t) {
        for (double v : y) {
            if (!Double.isFinite(v) || Math.abs(v) > DIVERGENCE_BOUND) {
                throw new DivergenceException(
                        "trajectory diverged at t=" + t + " (a state component reached " + v
                                + "); try other parameters or initial conditions",
                        t);
            }
        }
    }

    /** Emits grid points that fall inside each accepted step. */
    private static final class GridHandler implements ODEStepHandler {
        private final double start;
        private final double dt;
        private final int length;
        private final TrajectorySink sink;
        private int next;
        private double lastTime;
        private double[] last;

        GridHandler(double start, double dt, int length, TrajectorySink sink) {
            this.start = start;
            this.dt = dt;
            this.length = length;
            this.sink = sink;
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            double stepEnd = interpolator.getCurrentState().getTime();
            lastTime = stepEnd;
            checkFinite(interpolator.getCurrentState().getPrimaryState(), stepEnd);
            while (next < length) {
                double t = start + next * dt; // exact grid, no accumulated error
                if (t > stepEnd) {
                    // The last grid point may sit a rounding error past the integrator's end time.
                    if (!(next == length - 1 && interpolator.isForward() && t - stepEnd <= 1e-9 * Math.max(1, Math.abs(t)))) {
                        break;
                    }
                    t = stepEnd;
                }
                double[] y = interpolator.getInterpolatedState(t).getPrimaryState();
                checkFinite(y, t);
                sink.accept(next, y);
                last = y;
                next++;
            }
        }
    }
}
