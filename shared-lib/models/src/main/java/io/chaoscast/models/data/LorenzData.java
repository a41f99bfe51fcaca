package io.chaoscast.models.data;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.integration.TrajectoryGenerator;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import java.util.SplittableRandom;

/**
 * In-process benchmark data: trajectories of a catalog flow on the dysts grid (a fixed number of
 * points per characteristic period), started from seeded perturbations of the default initial
 * condition after a transient, so every trajectory is on the attractor and the set is
 * reproducible from its arguments.
 */
public final class LorenzData {

    /** Largest Lyapunov exponent of Lorenz at the default parameters (per time unit). */
    public static final double LORENZ_MAX_LYAPUNOV = 0.9056;

    private LorenzData() {}

    public static ChaoticSystem lorenz() {
        return SystemCatalog.standard().find("Lorenz").orElseThrow();
    }

    /** Sampling interval at {@code pointsPerPeriod} points per characteristic period. */
    public static double dt(ChaoticSystem system, int pointsPerPeriod) {
        return system.period() / pointsPerPeriod;
    }

    /**
     * @return {@code [trajectories][length][dim]}
     */
    public static double[][][] trajectories(
            ChaoticSystem system, int trajectories, int length, int pointsPerPeriod, long seed) {
        double dt = dt(system, pointsPerPeriod);
        double[] p = system.defaultParameters();
        double[] ic = system.defaultInitialCondition();
        TrajectoryGenerator gen = new TrajectoryGenerator(IntegrationSettings.DEFAULT);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] out = new double[trajectories][length][];
        for (int i = 0; i < trajectories; i++) {
            double[] y0 = ic.clone();
            for (int j = 0; j < y0.length; j++) {
                y0[j] += rng.nextDouble(-1, 1);
            }
            double[][] traj = out[i];
            // 20 periods of transient let the perturbed start settle onto the attractor.
            gen.generate(system, p, y0, dt, 20 * system.period(), length, (k, y) -> traj[k] = y.clone());
        }
        return out;
    }

    /** Periods left out between consecutive segments of {@link #segments}. */
    static final int SEGMENT_GAP_PERIODS = 10;

    /**
     * {@code trajectories} segments of one trajectory from the default initial condition, after
     * 20 periods of transient, {@link #SEGMENT_GAP_PERIODS} periods apart. Unlike perturbed
     * starts, every segment begins on the attractor the default initial condition leads to, so
     * systems with small basins or multistability give data too.
     *
     * @return {@code [trajectories][length][dim]}
     */
    public static double[][][] segments(ChaoticSystem system, int trajectories, int length, int pointsPerPeriod) {
        int gap = SEGMENT_GAP_PERIODS * pointsPerPeriod;
        long total = (long) trajectories * length + (long) (trajectories - 1) * gap;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("segments too long: " + total + " points");
        }
        double[][][] out = new double[trajectories][length][];
        int stride = length + gap;
        new TrajectoryGenerator(IntegrationSettings.DEFAULT).generate(
                system, system.defaultParameters(), system.defaultInitialCondition(), dt(system, pointsPerPeriod),
                20 * system.period(), (int) total, (k, y) -> {
                    int seg = k / stride;
                    int at = k % stride;
                    if (at < length) {
                        out[seg][at] = y.clone();
                    }
                });
        return out;
    }
}
