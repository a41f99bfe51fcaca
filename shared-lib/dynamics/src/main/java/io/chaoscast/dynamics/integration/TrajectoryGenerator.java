package io.chaoscast.dynamics.integration;

import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.DelaySystem;
import io.chaoscast.dynamics.systems.DiscreteMap;
import io.chaoscast.dynamics.systems.Flow;

/**
 * One entry point for every kind of system: flows are integrated and sampled on a uniform grid,
 * maps are iterated, delay equations are integrated by the method of steps. The tolerances apply to
 * flows; delay equations use the fixed fourth-order step of {@link MethodOfStepsIntegrator}.
 */
public final class TrajectoryGenerator {

    private final IntegrationSettings settings;

    public TrajectoryGenerator(IntegrationSettings settings) {
        this.settings = settings;
    }

    /**
     * Generates one trajectory and streams it into {@code sink}.
     *
     * @param system the system
     * @param p resolved parameters
     * @param initial initial state (for delay systems: the constant history)
     * @param dt sampling interval (ignored for maps, whose step is one iteration)
     * @param transientTime time discarded before the first sample (maps: iterations, rounded)
     * @param length number of samples
     * @return the last state emitted
     * @throws DivergenceException when the trajectory leaves finite numbers
     */
    public double[] generate(
            ChaoticSystem system, double[] p, double[] initial, double dt, double transientTime, int length, TrajectorySink sink) {
        if (system instanceof Flow flow) {
            return new FlowSampler(settings).sample(flow, p, initial, 0.0, transientTime, dt, length, sink);
        }
        if (system instanceof DiscreteMap map) {
            return new MapIterator().iterate(map, p, initial, (int) Math.round(transientTime), length, sink);
        }
        if (system instanceof DelaySystem delay) {
            return new MethodOfStepsIntegrator().sample(delay, p, initial, transientTime, dt, length, sink);
        }
        throw new IllegalArgumentException("unknown kind of system: " + system);
    }
}
