package io.chaoscast.contracts.datasets;

import java.util.List;
import java.util.Map;

/**
 * Asks dataset-service to estimate Lyapunov exponents of one system. Every field is optional.
 *
 * @param parameters overrides of the default parameters, by name
 * @param initialConditions one state to start from (default: the system's default state)
 * @param spectrum estimate the full spectrum (and the Kaplan-Yorke dimension), not only the largest
 *     exponent
 * @param duration averaging duration in periods of the system (iterations for maps)
 */
public record LyapunovRequest(
        Map<String, Double> parameters, List<Double> initialConditions, Boolean spectrum, Double duration) {}
