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
        LyapunovSettings s = settings.tolerances() != null ? settings : settings.withTolerances(IntegrationSettings.DEFAULT);
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

    /**
     * Sorts, derives the Kaplan-Yorke dimension, the Lyapunov time and the standard errors, judges
     * convergence, and packs the result.
     *
     * @param flow whether these are a flow's exponents, one of which is zero along the orbit (see
     *     {@link KaplanYorke#alongTheOrbit})
     * @param fallback the target judged for a fixed-duration run
     */
    static LyapunovResult result(
            BatchMeans batches, boolean complete, boolean flow, String method, Map<String, Object> settings,
            LyapunovSettings requested, Convergence fallback) {
        double[] exponents = batches.exponents();
        double[] errors = batches.standardErrors();
        // Sort the exponents and carry each one's standard error along.
        Integer[] order = new Integer[exponents.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(exponents[b], exponents[a]));
        double[] spectrum = new double[exponents.length];
        double[] se = new double[exponents.length];
        for (int i = 0; i < order.length; i++) {
            spectrum[i] = exponents[order[i]];
            se[i] = errors[order[i]];
        }
        double max = spectrum[0];
        boolean withKy = complete || spectrum.length > 1;
        Dimension ky = withKy ? kaplanYorke(batches, spectrum, se, complete, flow) : Dimension.NONE;
        double lyapunovTime = max > 0 ? 1.0 / max : Double.POSITIVE_INFINITY;
        Convergence target = requested.convergence() != null ? requested.convergence() : fallback;
        boolean converged = target.met(max, se[0], batches.batches());
        Map<String, Object> used = new LinkedHashMap<>(settings);
        if (ky.rule() != null) {
            used.put("kaplanYorke", ky.rule());
        }
        used.put("batches", batches.batches());
        used.put("batchLength", requested.batchLength());
        used.put("convergence", requested.convergence() != null ? "adaptive" : "fixed duration");
        used.put("targetRelativeError", target.relativeError());
        used.put("targetAbsoluteError", target.absoluteError());
        if (requested.convergence() != null) {
            used.put("maxDuration", requested.maxDuration());
            used.put(
                    "stoppedBy",
                    converged
                            ? "target met"
                            : batches.totalTime() + requested.batchLength() > requested.maxDuration() * (1 + 1e-9)
                                    ? "work cap"
                                    : "time budget");
        }
        return new LyapunovResult(
                spectrum, max, ky.value(), lyapunovTime, method, Collections.unmodifiableMap(used), se, ky.standardError(), converged);
    }

    /** A Kaplan-Yorke dimension with its standard error and the rule for a flow that decided it (null for none). */
    private record Dimension(double value, double standardError, String rule) {
        static final Dimension NONE = new Dimension(Double.NaN, Double.NaN, null);
    }

    /**
     * The Kaplan-Yorke dimension of a sorted spectrum. A flow's takes its exponent along the orbit
     * as exactly zero ({@link KaplanYorke#alongTheOrbit}), at the same place of every batch's sorted
     * spectrum, unless in a partial spectrum that carries the partial sums past the last exponent
     * estimated (the plain formula then answers); a flow that conserves volume has the formula's
     * exact value, the state's dimension.
     */
    private static Dimension kaplanYorke(BatchMeans batches, double[] spectrum, double[] se, boolean complete, boolean flow) {
        if (flow && complete && KaplanYorke.conservesVolume(spectrum)) {
            return new Dimension(spectrum.length, 0, "the exponents sum to zero (the flow conserves volume): the dimension is the state's");
        }
        int along = flow ? KaplanYorke.alongTheOrbit(spectrum, se) : -1;
        double withZero = along >= 0 ? KaplanYorke.dimension(KaplanYorke.withZeroAt(spectrum, along), complete) : Double.NaN;
        int zero = Double.isFinite(withZero) ? along : -1;
        double value = zero >= 0 ? withZero : KaplanYorke.dimension(spectrum, complete);
        double error = Double.isFinite(value)
                ? batches.standardErrorOf(b -> KaplanYorke.dimension(KaplanYorke.withZeroAt(b, zero), complete))
                : Double.NaN;
        return new Dimension(value, error, zero >= 0 ? "exponent " + (zero + 1) + " taken as the zero exponent along the orbit" : null);
    }

    /**
     * Whether an adaptive run may stop after the batch that just closed: the criterion is met, or
     * the next batch would pass the cap, or the wall-clock budget is nearly spent (an adaptive run
     * then answers what it has, unconverged, instead of failing). Fixed-duration runs run to their
     * end.
     */
    static boolean done(LyapunovSettings s, BatchMeans batches, Deadline deadline) {
        if (s.convergence() == null || batches.totalTime() < s.duration() * (1 - 1e-9)) {
            return false;
        }
        if (batches.totalTime() + s.batchLength() > s.maxDuration() * (1 + 1e-9) || deadline.softExpired()) {
            return true;
        }
        double[] e = batches.exponents();
        double[] se = batches.standardErrors();
        int lead = 0;
        for (int j = 1; j < e.length; j++) {
            if (e[j] > e[lead]) {
                lead = j;
            }
        }
        return s.convergence().met(e[lead], se[lead], batches.batches());
    }
}
