package io.chaoscast.dynamics.integration;

import io.chaoscast.dynamics.systems.DelaySystem;
import io.chaoscast.dynamics.systems.ParameterOutOfRangeException;

/**
 * Integrates a delay differential equation {@code y' = f(t, y(t), y(t - tau))} by the method of
 * steps with a fixed step {@code h = tau / m} and samples it on the exact uniform grid {@code t_i =
 * transient + i dt}.
 *
 * <p>Method: classical RK4 for the steps; the delayed argument {@code y(t - tau)} is read from the
 * stored solution, on a node for stages 1 and 4 and from the cubic Hermite interpolant (node values
 * and node slopes) at the interval midpoint for stages 2 and 3. Samples between nodes come from the
 * same Hermite interpolant. RK4 has local error {@code O(h^5)}; the Hermite interpolant has error
 * {@code O(h^4)} and enters each step multiplied by {@code h}; so nodes and samples are both
 * globally fourth order. Because {@code h} divides {@code tau}, the points where the solution's
 * smoothness breaks (the multiples of {@code tau}, where the history's kink at 0 propagates) are
 * always nodes, and the order holds across them; {@code DelayStateTest} checks it against an exact
 * solution.
 *
 * <p>The step: {@code m = max(MIN_STEPS_PER_DELAY, ceil(tau * stepsPerPeriod / period))}, i.e. at
 * least {@code stepsPerPeriod} steps per characteristic period of the system.
 *
 * <p>The delay must lie in {@link #delayRange}: a delay so short that its {@value
 * #MIN_STEPS_PER_DELAY} steps would need more than {@value #MAX_REFINEMENT} times the resolution
 * (a tiny positive {@code tau} would otherwise make a step of {@code tau / 16} and an integration
 * that never ends), or so long that one delay needs more than {@value #MAX_STEPS_PER_DELAY} nodes,
 * is refused before any work starts.
 */
public final class MethodOfStepsIntegrator {

    /** Default resolution: 1000 RK4 steps per characteristic period. */
    public static final int DEFAULT_STEPS_PER_PERIOD = 1000;

    /** Never fewer steps per delay, however short the delay. */
    public static final int MIN_STEPS_PER_DELAY = 16;

    /**
     * Window length cap (nodes per delay): bounds memory at 24 bytes per node and component for a
     * delay that is long compared with the period.
     */
    public static final int MAX_STEPS_PER_DELAY = 2_000_000;

    /**
     * How many times finer than {@code stepsPerPeriod} a short delay may make the step: bounds the
     * work per period at four times the usual. A delay that short (under 1/250 of the period at the
     * default resolution) leaves the dynamics of an ordinary differential equation anyway.
     */
    public static final int MAX_REFINEMENT = 4;

    private final int stepsPerPeriod;

    public MethodOfStepsIntegrator() {
        this(DEFAULT_STEPS_PER_PERIOD);
    }

    public MethodOfStepsIntegrator(int stepsPerPeriod) {
        if (stepsPerPeriod < 1) {
            throw new IllegalArgumentException("stepsPerPeriod must be at least 1, found " + stepsPerPeriod);
        }
        this.stepsPerPeriod = stepsPerPeriod;
    }

    /** The number of steps per delay for this system and parameters. */
    public int stepsPerDelay(DelaySystem system, double[] p) {
        double tau = checkDelay(system, p);
        return Math.max(MIN_STEPS_PER_DELAY, (int) Math.ceil(tau * stepsPerPeriod / system.period()));
    }

    /** The delays this integrator accepts for a system: {@code [shortest, longest]} in time units. */
    public double[] delayRange(DelaySystem system) {
        double period = system.period();
        return new double[] {
            (double) MIN_STEPS_PER_DELAY * period / ((double) MAX_REFINEMENT * stepsPerPeriod),
            (double) MAX_STEPS_PER_DELAY * period / stepsPerPeriod
        };
    }

    /**
     * The delay of these parameters, checked against {@link #delayRange}.
     *
     * @throws ParameterOutOfRangeException naming the delay parameter when the system has one
     * @throws IllegalArgumentException for a delay out of range that is no single parameter
     */
    public double checkDelay(DelaySystem system, double[] p) {
        double tau = system.delay(p);
        double[] range = delayRange(system);
        if (tau >= range[0] && tau <= range[1]) {
            return tau;
        }
        String name = system.delayParameter();
        String message = system.name() + ": " + (name == null ? "the delay tau" : "parameters." + name) + " must be from "
                + (float) range[0] + " to " + (float) range[1] + " (from 1/" + Math.round(system.period() / range[0])
                + " of the period " + (float) system.period() + " to " + MAX_STEPS_PER_DELAY + " steps per delay), found " + tau;
        if (name == null) {
            throw new IllegalArgumentException(message);
        }
        throw new ParameterOutOfRangeException(name, message);
    }

    /**
     * The state at {@code t = 0} after the constant history {@code y(t) = history} on {@code [-tau,
     * 0]}.
     */
    public DelayState start(DelaySystem system, double[] p, double[] history) {
        return start(system, p, history, stepsPerDelay(system, p));
    }

    /** As {@link #start(DelaySystem, double[], double[])} with an explicit number of steps per delay. */
    public static DelayState start(DelaySystem system, double[] p, double[] history, int stepsPerDelay) {
        if (stepsPerDelay < 1) {
            throw new IllegalArgumentException("stepsPerDelay must be at least 1, found " + stepsPerDelay);
        }
        double tau = system.delay(p);
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException(system.name() + ": the delay tau must be positive and finite, found " + tau);
        }
        int dim = system.dimension(p);
        if (history.length != dim) {
            // dysts stores a 10-value delay embedding as the initial condition of its delay systems;
            // passing one here would silently integrate ten uncoupled copies.
            throw new IllegalArgumentException(
                    "initial condition of " + system.name() + " must have " + dim
                            + " value(s), the constant history on [-tau, 0]; found " + history.length);
        }
        FlowSampler.checkFinite(history, 0);
        return new DelayState(system, p, stepsPerDelay, tau, history);
    }

    /**
     * @param system the delay equation
     * @param p resolved parameters
     * @param history constant history on {@code [-tau, 0]}
     * @param transientTime time integrated and discarded before the first sample
     * @param dt sampling interval
     * @param length number of samples
     * @param sink receives each sample
     * @return the state at the last sample
     * @throws DivergenceException when the solution becomes non-finite or exceeds {@link
     *     FlowSampler#DIVERGENCE_BOUND}
     */
    public double[] sample(
            DelaySystem system, double[] p, double[] history, double transientTime, double dt, int length, TrajectorySink sink) {
        if (!(dt > 0) || length < 1 || !(transientTime >= 0)) {
            throw new IllegalArgumentException(
                    "need dt > 0, length >= 1, transient >= 0; found dt=" + dt + ", length=" + length
                            + ", transient=" + transientTime);
        }
        DelayState state = start(system, p, history);
        double[] y = new double[history.length];
        for (int i = 0; i < length; i++) {
            double t = transientTime + i * dt; // exact grid, no accumulated error
            state.advanceTo(t);
            state.valueAt(t, y);
            sink.accept(i, y);
        }
        return y;
    }
}
