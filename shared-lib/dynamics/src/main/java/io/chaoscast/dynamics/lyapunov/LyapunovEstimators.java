package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.DelaySystem;
import io.chaoscast.dynamics.systems.DiscreteMap;
import io.chaoscast.dynamics.systems.Flow;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Picks the right estimator for the kind of system: {@link QrLyapunovEstimator} for flows, {@link
 * MapQrLyapunovEstimator} for maps, {@link DelaySeparationLyapunovEstimator} for delay equations.
 */
public final class LyapunovEstimators {

    private LyapunovEstimators() {}

    /**
     * @param system the system
     * @param p resolved parameters
     * @param initial initial state (ideally on the attractor; for delay systems the constant history)
     * @param settings duration, transient, spectrum or not, tolerances
     * @throws io.chaoscast.dynamics.integration.DivergenceException when the orbit diverges
     */
    public static LyapunovResult estimate(ChaoticSystem system, double[] p, double[] initial, LyapunovSettings settings) {
        return estimate(system, p, initial, settings, null);
    }

    /**
     * As {@link #estimate(ChaoticSystem, double[], double[], LyapunovSettings)} within a wall-clock
     * budget.
     *
     * @param budget the most time the estimate may take, or null for no limit
     * @throws EstimationBudgetExceededException when the budget runs out first
     */
    public static LyapunovResult estimate(
            ChaoticSystem system, double[] p, double[] initial, LyapunovSettings settings, Duration budget) {
        Deadline deadline = Deadline.of(budget);
        if (p == null || p.length != system.parameterNames().size()) {
            throw new IllegalArgumentException(system.name() + " takes " + system.parameterNames().size()
                    + " parameters " + system.parameterNames() + ", found " + (p == null ? 0 : p.length));
        }
        int dim = system.dimension(p);
        if (initial == null || initial.length != dim) {
            throw new IllegalArgumentException("initial condition of " + system.name() + " must have " + dim
                    + " value(s), found " + (initial == null ? 0 : initial.length));
        }
        if (!(settings.duration() > 0) || !Double.isFinite(settings.duration())) {
            throw new IllegalArgumentException("duration must be positive and finite, found " + settings.duration());
        }
        if (!(settings.transientTime() >= 0) || !Double.isFinite(settings.transientTime())) {
            throw new IllegalArgumentException("transient must be non-negative and finite, found " + settings.transientTime());
        }
        LyapunovSettings s = settings.tolerances() != null
                ? settings
                : new LyapunovSettings(settings.duration(), settings.transientTime(), settings.spectrum(), IntegrationSettings.DEFAULT);
        if (system instanceof Flow flow) {
            return new QrLyapunovEstimator().estimate(flow, p, initial, s, deadline);
        }
        if (system instanceof DiscreteMap map) {
            return new MapQrLyapunovEstimator().estimate(map, p, initial, s, deadline);
        }
        if (system instanceof DelaySystem delay) {
            return new DelaySeparationLyapunovEstimator().estimate(delay, p, initial, s, deadline);
        }
        throw new IllegalArgumentException("unknown kind of system: " + system);
    }

    /** Sorts, derives the Kaplan-Yorke dimension and the Lyapunov time, and packs the result. */
    static LyapunovResult result(double[] exponents, boolean complete, String method, Map<String, Object> settings) {
        double[] spectrum = QrLyapunovEstimator.sortedDecreasing(exponents);
        double max = spectrum[0];
        double ky = complete || spectrum.length > 1 ? KaplanYorke.dimension(spectrum, complete) : Double.NaN;
        double lyapunovTime = max > 0 ? 1.0 / max : Double.POSITIVE_INFINITY;
        return new LyapunovResult(
                spectrum, max, ky, lyapunovTime, method, Collections.unmodifiableMap(new LinkedHashMap<>(settings)));
    }
}
