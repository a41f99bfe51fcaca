package io.chaoscast.contracts.datasets;

import java.util.Map;

/**
 * A catalog system as {@code GET /api/v1/systems/{name}} describes it.
 *
 * @param name unique name (the dysts name where dysts has the system)
 * @param kind {@code flow}, {@code map} or {@code delay}
 * @param dimension state dimension at the default parameters
 * @param parameters default parameters, in the order the equations take them
 * @param initialConditions a default state on or near the attractor
 * @param period characteristic period (time units; 1 for maps)
 * @param maxLyapunov largest Lyapunov exponent at the default parameters, null when not tabulated
 * @param lyapunovTime {@code 1 / maxLyapunov}, null when not tabulated or not positive
 * @param kaplanYorkeDimension Kaplan-Yorke dimension, null when not tabulated
 * @param description what the system models
 * @param citation where it was published
 * @param jacobian {@code analytic} or {@code finite-difference} (central differences of the
 *     equations, used by Lyapunov estimation); null for delay equations, which need none
 * @param invariants the tabulated invariants with their standard errors; null when not tabulated
 */
public record SystemResponse(
        String name,
        String kind,
        int dimension,
        Map<String, Double> parameters,
        double[] initialConditions,
        double period,
        Double maxLyapunov,
        Double lyapunovTime,
        Double kaplanYorkeDimension,
        String description,
        String citation,
        String jacobian,
        SystemInvariants invariants) {}
