package io.chaoscast.dataset.generation;

import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import java.util.List;

/**
 * A normalised recipe resolved into what the generator needs: the system object, parameter and
 * state arrays, times in time units.
 *
 * @param initialConditions one state per trajectory, or null to draw them from {@code seed}
 * @param transientTime time discarded before the first sample (iterations for maps)
 */
public record GenerationPlan(
        ChaoticSystem system,
        double[] parameters,
        List<double[]> initialConditions,
        int trajectories,
        int length,
        int dimension,
        double samplingInterval,
        double transientTime,
        double noise,
        long seed,
        SplitLayout split,
        boolean standardize,
        IntegrationSettings tolerances) {

    public long totalPoints() {
        return (long) trajectories * length;
    }

    public long dataBytes() {
        return totalPoints() * dimension * Double.BYTES;
    }

    public long[] shape() {
        return new long[] {trajectories, length, dimension};
    }
}
