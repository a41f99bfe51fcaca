package io.chaoscast.contracts.datasets;

import java.util.List;
import java.util.Map;

/**
 * A recipe after normalisation: every default filled in, the system's canonical name, every
 * parameter. The dataset id is the SHA-256 of this record's canonical JSON (keys sorted, no
 * whitespace), so two requests that mean the same data get the same id.
 *
 * @param version version of the generation algorithm; bumped when the same recipe would give other bytes
 * @param system canonical catalog name
 * @param parameters every parameter of the system
 * @param initialConditions one state per trajectory, or null when they are drawn on the attractor
 *     from {@code seed}
 * @param trajectories number of trajectories
 * @param length samples per trajectory
 * @param samplingInterval time between samples (1 for maps)
 * @param transientPeriods periods integrated and discarded before the first sample
 * @param noise standard deviation of observational Gaussian noise, relative to each dimension's std
 * @param seed seed of every random draw (initial conditions, noise)
 * @param split fractions of the time axis for train / val / test
 * @param standardize whether the stored values are standardised (see {@link Standardization})
 * @param rtol relative tolerance of the integrator
 * @param atol absolute tolerance of the integrator
 */
public record DatasetRecipe(
        int version,
        String system,
        Map<String, Double> parameters,
        List<double[]> initialConditions,
        int trajectories,
        int length,
        double samplingInterval,
        double transientPeriods,
        double noise,
        long seed,
        SplitFractions split,
        boolean standardize,
        double rtol,
        double atol) {}
