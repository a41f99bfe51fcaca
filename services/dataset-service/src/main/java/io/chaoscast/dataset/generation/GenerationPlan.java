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

    /**
     * The periods this plan integrates, as {@link RecipeNormalizer} bounds them: per trajectory the
     * transient, the sampled span and, for drawn initial conditions, the longest possible draw.
     * It measures the work of a recipe better than its points do (sparse sampling and long
     * transients cost integration without adding points).
     */
    public double integratedPeriods() {
        double period = system.period();
        return integratedPeriods(trajectories, transientTime / period, length, samplingInterval / period, initialConditions == null);
    }

    static double integratedPeriods(int trajectories, double transientPeriods, int length, double samplingPeriods, boolean drawn) {
        return trajectories * (transientPeriods + (length - 1) * samplingPeriods + (drawn ? DatasetGenerator.MAX_DRAW_PERIODS : 0));
    }

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
