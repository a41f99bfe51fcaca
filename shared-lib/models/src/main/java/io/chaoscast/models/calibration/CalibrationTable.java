package io.chaoscast.models.calibration;

import java.util.List;

/**
 * What calibration measured and chose, stored in the model spec so that a user can ask for an
 * error tolerance instead of a raw threshold.
 *
 * @param tolerance allowed relative error above full depth used to pick {@code threshold}
 * @param threshold the measured threshold with the least compute among those whose relative
 *     error stays within {@code tolerance}
 * @param fullDepthMse validation MSE at full depth (standardised units)
 * @param oracleMeanDepth mean depth of the oracle exit (per window, the shallowest exit whose
 *     error is within {@code 1 + tolerance} times that window's full-depth error)
 * @param windows number of validation windows measured
 * @param points the measured curve, by increasing threshold
 */
public record CalibrationTable(
        double tolerance,
        double threshold,
        double fullDepthMse,
        double oracleMeanDepth,
        int windows,
        List<CalibrationPoint> points) {

    public CalibrationTable {
        points = List.copyOf(points);
    }

    /**
     * The measured threshold with the least compute whose relative error is within {@code tol}
     * (the smaller threshold on ties); 0, full depth, if none is. Error need not grow
     * monotonically with the threshold, so the whole curve is searched.
     */
    public double thresholdFor(double tol) {
        return choose(points, tol);
    }

    public static double choose(List<CalibrationPoint> points, double tol) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, found " + tol);
        }
        double best = 0;
        double bestCompute = Double.POSITIVE_INFINITY;
        for (CalibrationPoint p : points) {
            if (p.relativeError() <= tol && p.computeFraction() < bestCompute) {
                bestCompute = p.computeFraction();
                best = p.threshold();
            }
        }
        return best;
    }

    /** The calibrated point, if the table holds it. */
    public CalibrationPoint chosen() {
        for (CalibrationPoint p : points) {
            if (p.threshold() == threshold) {
                return p;
            }
        }
        return null;
    }
}
