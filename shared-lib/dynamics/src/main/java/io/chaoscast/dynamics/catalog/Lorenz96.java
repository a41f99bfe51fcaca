package io.chaoscast.dynamics.catalog;

import static io.chaoscast.dynamics.catalog.Defs.ic;
import static io.chaoscast.dynamics.catalog.Defs.params;

import io.chaoscast.dynamics.systems.FlowSystem;
import io.chaoscast.dynamics.systems.ParameterOutOfRangeException;

/**
 * Lorenz's 1996 ring of {@code n} sites, {@code dx_i/dt = (x_{i+1} - x_{i-2}) x_{i-1} - x_i + f}
 * with indices taken modulo {@code n}: advection, damping and forcing of one atmospheric quantity
 * around a latitude circle.
 *
 * <p>The number of sites is the parameter {@code n} (default 4, the length of dysts' initial
 * condition), so {@link #dimension(double[])} depends on the parameters. The equations take the ring
 * size from the state they are given, so any initial condition of length {@code n} works. For other
 * sizes {@link #initialCondition(int)} extends the default state: site {@code i} takes the value of
 * site {@code i mod 4} of dysts' state plus {@code 0.01 * (i / 4)}. The offset matters: a state that
 * repeats with period 4 stays in the invariant subspace of 4-periodic states forever, so a plain
 * tiling would only reproduce the 4-site dynamics.
 */
final class Lorenz96 extends FlowSystem {

    /** The smallest ring on which the four neighbours {@code i-2, i-1, i, i+1} are distinct. */
    static final int MIN_SITES = 4;

    /** Largest ring we accept; far beyond any forecasting benchmark, small enough to integrate. */
    static final int MAX_SITES = 1024;

    private static final double[] DYSTS_STATE = {-2.46820633, 0.09570264, 1.59270902, 10.21372147};

    private Lorenz96() {
        super(
                Defs.info(
                        "Lorenz96",
                        params("f", 20.0, "n", 4),
                        ic(DYSTS_STATE),
                        2.1969,
                        "Lorenz, Edward (1996). Predictability: A problem partly solved. Seminar on Predictability, Vol. I, ECMWF.",
                        "A ring of sites that each carry one atmospheric variable, advected by their neighbours, damped and"
                                + " forced; its size is a parameter, which makes it the standard scalable chaotic benchmark."),
                Lorenz96::ring,
                Lorenz96::ringJacobian);
    }

    static Lorenz96 create() {
        return new Lorenz96();
    }

    /**
     * @throws ParameterOutOfRangeException unless {@code n} is a whole number from {@value #MIN_SITES}
     *     to {@value #MAX_SITES}
     */
    @Override
    public int dimension(double[] parameters) {
        double n = parameters[1];
        if (!(n >= MIN_SITES && n <= MAX_SITES) || n != Math.rint(n)) {
            throw new ParameterOutOfRangeException("n",
                    "parameters.n must be a whole number from " + MIN_SITES + " to " + MAX_SITES + ", found " + n);
        }
        return (int) n;
    }

    @Override
    public double[] defaultInitialCondition(double[] parameters) {
        return initialCondition(dimension(parameters));
    }

    /** A state on (or, for other sizes, near) the attractor for a ring of {@code n} sites. */
    static double[] initialCondition(int n) {
        if (n < MIN_SITES || n > MAX_SITES) {
            throw new ParameterOutOfRangeException("n",
                    "parameters.n must be a whole number from " + MIN_SITES + " to " + MAX_SITES + ", found " + n);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = DYSTS_STATE[i % DYSTS_STATE.length] + 0.01 * (i / DYSTS_STATE.length);
        }
        return x;
    }

    private static void ring(double t, double[] x, double[] p, double[] dx) {
        double f = p[0];
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double next = x[(i + 1) % n];
            double prev = x[(i + n - 1) % n];
            double prev2 = x[(i + n - 2) % n];
            dx[i] = (next - prev2) * prev - x[i] + f;
        }
    }

    private static void ringJacobian(double t, double[] x, double[] p, double[][] jac) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(jac[i], 0.0);
        }
        // Accumulate with += because on a ring of four sites i+1 and i-2 are the same site.
        for (int i = 0; i < n; i++) {
            int next = (i + 1) % n;
            int prev = (i + n - 1) % n;
            int prev2 = (i + n - 2) % n;
            jac[i][next] += x[prev];
            jac[i][prev2] -= x[prev];
            jac[i][prev] += x[next] - x[prev2];
            jac[i][i] -= 1;
        }
    }
}
