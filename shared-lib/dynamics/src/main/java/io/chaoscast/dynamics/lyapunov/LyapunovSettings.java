package io.chaoscast.dynamics.lyapunov;

import io.chaoscast.dynamics.integration.IntegrationSettings;

/**
 * How long and how finely to estimate.
 *
 * @param duration averaging time after the transient (time units; iterations for maps); with a
 *     convergence criterion, the least averaging time
 * @param transientTime time discarded before averaging
 * @param spectrum estimate the full spectrum, not only the largest exponent
 * @param tolerances integrator tolerances for flows and delays
 * @param convergence when set, the run goes on past {@code duration} until the criterion is met or
 *     its cap reached; null for a fixed duration (standard errors are still reported, from batches
 *     of {@link #batchLength})
 */
public record LyapunovSettings(
        double duration, double transientTime, boolean spectrum, IntegrationSettings tolerances, Convergence convergence) {

    /** A fixed duration, no convergence criterion. */
    public LyapunovSettings(double duration, double transientTime, boolean spectrum, IntegrationSettings tolerances) {
        this(duration, transientTime, spectrum, tolerances, null);
    }

    /**
     * Length of the batches behind the standard errors: the criterion's, or else a twentieth of the
     * duration, so that a fixed-duration run still has 20 batches to judge its spread by.
     */
    public double batchLength() {
        return convergence != null ? convergence.batchLength() : duration / 20;
    }

    /** The longest averaging time this run may take. */
    public double maxDuration() {
        return convergence != null ? Math.max(duration, convergence.maxDuration()) : duration;
    }

    /**
     * The defaults of an estimate that decides its own length: {@code transientPeriods} discarded,
     * at least {@code minPeriods} averaged, then {@link Convergence#defaults} batches until the
     * largest exponent's standard error is 1 % of it, at most {@code maxPeriods} periods.
     */
    public static LyapunovSettings adaptive(
            io.chaoscast.dynamics.systems.ChaoticSystem system,
            boolean spectrum,
            double transientPeriods,
            double minPeriods,
            double maxPeriods,
            IntegrationSettings tolerances) {
        double period = system.period();
        boolean map = system.kind() == io.chaoscast.dynamics.systems.SystemKind.MAP;
        return new LyapunovSettings(
                minPeriods * period,
                transientPeriods * period,
                spectrum,
                tolerances,
                Convergence.defaults(map, period, maxPeriods));
    }

    LyapunovSettings withTolerances(IntegrationSettings t) {
        return new LyapunovSettings(duration, transientTime, spectrum, t, convergence);
    }
}
