package io.chaoscast.dynamics.lyapunov;

/**
 * When an estimate may stop: the averaging time is cut into batches of equal length, the spread of
 * the batch means gives a standard error of each exponent (the method of batch means), and the run
 * goes on, batch after batch, until the largest exponent's standard error is below the target or
 * the work cap is reached. Batches last many Lyapunov times, so that for most systems their means
 * are nearly independent; where an orbit lingers longer, groups of consecutive batches carry the
 * error instead (see {@code BatchMeans.standardErrors}). The standard error then measures the
 * statistical error of the average, which dominates the bias of a finite run once the transient
 * is discarded.
 *
 * @param relativeError target standard error of the largest exponent, relative to its magnitude
 * @param absoluteError target standard error in exponent units (per time unit, per iteration for
 *     maps) for exponents near zero, where a relative target cannot be met
 * @param batchLength length of one batch (time units; iterations for maps)
 * @param minBatches batches averaged before the criterion is first checked
 * @param maxDuration hard cap on the averaging time; a run that reaches it stops unconverged
 */
public record Convergence(
        double relativeError, double absoluteError, double batchLength, int minBatches, double maxDuration) {

    /**
     * Relative target of the defaults: two standard errors fit in the 2 % the service promises
     * (about 95 % of default estimates land within 2 % of the long-run value).
     */
    public static final double DEFAULT_RELATIVE_ERROR = 0.01;

    public Convergence {
        if (!(relativeError >= 0) || !(absoluteError >= 0) || relativeError + absoluteError == 0) {
            throw new IllegalArgumentException(
                    "need relativeError >= 0, absoluteError >= 0, not both zero; found " + relativeError + ", " + absoluteError);
        }
        if (!(batchLength > 0) || minBatches < 2 || !(maxDuration >= batchLength * minBatches)) {
            throw new IllegalArgumentException("need batchLength > 0, minBatches >= 2 and maxDuration >= batchLength x minBatches;"
                    + " found " + batchLength + ", " + minBatches + ", " + maxDuration);
        }
    }

    /** Whether {@code standardError} of {@code estimate} meets the target after {@code batches}. */
    public boolean met(double estimate, double standardError, int batches) {
        return batches >= minBatches
                && standardError <= Math.max(relativeError * Math.abs(estimate), absoluteError);
    }

    /**
     * The service's defaults for a system of this period: batches of 10 periods (flows, delays) or
     * 1000 iterations (maps), at least 20 of them, 1 % relative or {@code 0.001 / period}
     * absolute, capped at {@code maxPeriods} periods.
     */
    public static Convergence defaults(boolean map, double period, double maxPeriods) {
        double batch = map ? 1000 : 10 * period;
        return new Convergence(DEFAULT_RELATIVE_ERROR, map ? 1e-3 : 1e-3 / period, batch, 20, Math.max(maxPeriods * period, 20 * batch));
    }
}
