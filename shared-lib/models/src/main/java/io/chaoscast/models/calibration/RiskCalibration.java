package io.chaoscast.models.calibration;

import io.chaoscast.models.policy.ExitPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forecast-level calibration of the dynamic exit policy, stored in the model: what
 * Learn-then-Test needs to pick a policy for any tolerance ε and confidence 1 − δ without
 * retraining or re-measuring (every policy's window losses for the betting p-value; in older
 * calibrations only their mean and standard deviation, see {@link RiskControl}).
 *
 * <p>The risk: for a calibration window, the MSE of the rollout over the first {@code
 * horizonSteps} steps (about one Lyapunov time) under the policy minus that of the full-depth
 * rollout from the same context, divided by the full-depth MSE plus {@code referenceMse} (the
 * model's typical one; 0 in older calibrations), clipped to [−1, 1] (a window whose error more
 * than doubles counts as +100 %). The risk of a policy is the mean of that loss over windows:
 * the mean relative change of the rollout error against full depth, where windows that exit early
 * to a better forecast offset those that exit to a worse one. "Tolerance ε at confidence 1 − δ"
 * guarantees the risk is at most ε on unseen windows drawn like the calibration windows, with
 * probability at least 1 − δ over the draw of the calibration windows. The tests map the loss to
 * [0, 1] by {@code (ℓ + 1) / 2}, the tolerance likewise.
 *
 * @param horizonSteps rollout steps the loss is measured over (about one Lyapunov time)
 * @param windows number of calibration windows
 * @param tolerance default ε
 * @param confidence default 1 − δ
 * @param threshold the threshold chosen at the defaults (0 where the chosen policy is a cap alone;
 *     {@link #policy()} is the whole policy)
 * @param oracle the oracle's mean depth at several tolerances: per window, the shallowest fixed
 *     depth whose loss is within the tolerance
 * @param maxDepth the cap of the policy chosen at the defaults, or null for none (also in
 *     calibrations written before caps existed)
 * @param windowLosses every point's per-window loss, mapped to [0, 1] by {@code (ℓ + 1) / 2} and
 *     rounded up to 16 bits (rounding up keeps the test valid), in the betting order, base64
 *     ({@link WindowLosses}); null in calibrations written before it, which are tested from the
 *     points' means and standard deviations
 * @param referenceMse the model's typical full-depth rollout MSE (standardised units, mean over
 *     training windows), added to every window's full-depth MSE in the loss's denominator; null
 *     in calibrations written before it existed, whose loss is relative to the window alone
 * @param points measured policies: the uncapped thresholds by increasing threshold (decreasing
 *     compute), the first being 0 (full depth), then capped ones by decreasing cap
 */
public record RiskCalibration(
        int horizonSteps,
        int windows,
        double tolerance,
        double confidence,
        double threshold,
        List<OraclePoint> oracle,
        List<RiskPoint> points,
        Integer maxDepth,
        Double referenceMse,
        String windowLosses) {

    public static final double DEFAULT_TOLERANCE = 0.05;
    public static final double DEFAULT_CONFIDENCE = 0.9;

    /** Oracle mean depth at a tolerance. */
    public record OraclePoint(double tolerance, double meanDepth) {}

    /**
     * Decoded window losses and the choices made from them, per calibration (keyed weakly by its
     * {@code windowLosses} text, so an entry lives as long as the model that holds it).
     */
    private record Choices(double[][] losses, Map<List<Double>, Integer> chosen) {
        static final int MAX_REMEMBERED = 256;
    }

    private static final Map<String, Choices> CHOICES = Collections.synchronizedMap(new WeakHashMap<>());

    public RiskCalibration {
        oracle = oracle == null ? List.of() : List.copyOf(oracle);
        points = List.copyOf(points);
        if (points.isEmpty() || points.get(0).threshold() != 0) {
            throw new IllegalArgumentException("risk calibration must start at threshold 0 (full depth)");
        }
        if (windowLosses != null && WindowLosses.decode(windowLosses, points.size(), windows) == null) {
            throw new IllegalArgumentException("windowLosses must hold " + points.size() + " x " + windows
                    + " losses (base64 of 16-bit values), found " + windowLosses.length() + " characters");
        }
    }

    /** The calibrated point for ε and confidence 1 − δ (full depth if nothing else passes). */
    public RiskPoint pointFor(double tolerance, double confidence) {
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new IllegalArgumentException("tolerance must be between 0 and 1, found " + tolerance);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), found " + confidence);
        }
        if (tolerance == this.tolerance && confidence == this.confidence) {
            // The choice at the defaults is stored: serving it needs no test (and no decoding).
            for (RiskPoint p : points) {
                if (p.threshold() == threshold && java.util.Objects.equals(p.maxDepth(), maxDepth)) {
                    return p;
                }
            }
        }
        if (windowLosses == null) {
            return points.get(chosenIndex(points, null, windows, tolerance, confidence));
        }
        // Served per request: decode once per model and remember each (ε, confidence) asked for.
        Choices c = CHOICES.computeIfAbsent(windowLosses,
                k -> new Choices(WindowLosses.decode(k, points.size(), windows), new ConcurrentHashMap<>()));
        List<Double> key = List.of(tolerance, confidence);
        Integer known = c.chosen().get(key);
        if (known != null) {
            return points.get(known);
        }
        int i = chosenIndex(points, c.losses(), windows, tolerance, confidence);
        if (c.chosen().size() < Choices.MAX_REMEMBERED) {
            c.chosen().put(key, i);
        }
        return points.get(i);
    }

    public double thresholdFor(double tolerance, double confidence) {
        return pointFor(tolerance, confidence).threshold();
    }

    /** The exit policy calibrated for ε and confidence 1 − δ. */
    public ExitPolicy policyFor(double tolerance, double confidence) {
        return pointFor(tolerance, confidence).policy();
    }

    /** The exit policy chosen at the stored defaults. */
    public ExitPolicy policy() {
        return maxDepth == null ? ExitPolicy.dynamic(threshold) : ExitPolicy.dynamic(threshold, maxDepth);
    }

    /** As {@link #chosenIndex(List, double[][], int, double, double)} from the points' statistics alone. */
    public static int chosenIndex(List<RiskPoint> points, int windows, double tolerance, double confidence) {
        return chosenIndex(points, null, windows, tolerance, confidence);
    }

    /**
     * Learn-then-Test over the points for signed losses in [−1, 1], by fixed-sequence testing
     * along two orders fixed before the data is seen: the uncapped points in stored order (by
     * increasing threshold), and full depth followed by the capped points in stored order (by
     * decreasing cap). Each order is tested at δ / 2 (δ when there are no capped points, as in
     * calibrations written before caps), so by the union bound every point rejected on either
     * order has risk within ε with probability at least 1 − δ, and the one with the least mean
     * depth among the two orders' last rejections is served. The p-value of a point is the betting
     * one ({@link RiskControl#bettingPValue}) where its window losses are given (mapped to [0, 1]),
     * else the Hoeffding–Bentkus / empirical-Bernstein one from its mean and standard deviation.
     *
     * @param losses per point the window losses mapped to [0, 1] in betting order, or null
     */
    public static int chosenIndex(
            List<RiskPoint> points, double[][] losses, int windows, double tolerance, double confidence) {
        List<Integer> uncapped = new ArrayList<>();
        List<Integer> capped = new ArrayList<>(List.of(0));
        for (int i = 0; i < points.size(); i++) {
            (points.get(i).capped() ? capped : uncapped).add(i);
        }
        double delta = (1 - confidence) / (capped.size() > 1 ? 2 : 1);
        int best = 0;
        for (List<Integer> order : capped.size() > 1 ? List.of(uncapped, capped) : List.of(uncapped)) {
            double alpha = (tolerance + 1) / 2;
            int last = order.get(RiskControl.lastRejected(order.size(), k -> {
                int i = order.get(k);
                RiskPoint p = points.get(i);
                return losses != null
                        ? RiskControl.bettingPValue(losses[i], alpha, delta)
                        : RiskControl.pValue((p.risk() + 1) / 2, Math.pow(p.riskStd() / 2, 2), windows, alpha);
            }, delta));
            if (points.get(last).meanDepth() < points.get(best).meanDepth()) {
                best = last;
            }
        }
        return best;
    }

    /** The oracle's mean depth at the stored tolerance nearest to {@code tolerance}, or NaN. */
    public double oracleMeanDepth(double tolerance) {
        OraclePoint best = null;
        for (OraclePoint p : oracle) {
            if (best == null || Math.abs(p.tolerance() - tolerance) < Math.abs(best.tolerance() - tolerance)) {
                best = p;
            }
        }
        return best == null ? Double.NaN : best.meanDepth();
    }
}
