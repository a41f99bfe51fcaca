package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Long accuracy runs (about three minutes on the 2-core box): five independent estimates per
 * system, reported as mean and standard error and held to tighter bands than the default tests.
 *
 * <p>The logistic map at r = 4 is left out: in double precision its orbits land exactly on x = 1
 * and then on the unstable fixed point 0 (from 0.11 after about 5.2e6 iterations, from 0.114 well
 * before 1e6), after which any estimator reports ln 4 for the rest of the run. That is the
 * arithmetic, not the estimator; the default test uses a start that survives its 1e6 iterations.
 *
 * <p>MackeyGlass (tau = 17) is held between the two references we found, 0.0051 (NeuroBench's
 * Lyapunov time 197) and 0.0056 (an RK4 method-of-steps run with a coarse step of tau / 100), with
 * a margin. Run with {@code mvn -Pbench -pl shared-lib/dynamics test
 * -Dtest=LyapunovAccuracyBenchTest}.
 */
@EnabledIfSystemProperty(named = "chaoscast.bench", matches = "true")
class LyapunovAccuracyBenchTest {

    private static final IntegrationSettings TOL = new IntegrationSettings(1e-9, 1e-9);
    private static final int RUNS = 5;

    /** Mean and standard error of the largest exponent over RUNS independent starts. */
    private static double[] largest(String name, double[] p, double duration, boolean spectrum) {
        ChaoticSystem s = SystemCatalog.standard().find(name).orElseThrow();
        // Distinct starts near the default initial condition; the transient carries each onto the
        // attractor and chaos makes the orbits independent (maps are iterated exactly, so a shifted
        // copy of one orbit would not be independent).
        double[][] starts = new double[RUNS][];
        for (int i = 0; i < RUNS; i++) {
            starts[i] = s.defaultInitialCondition();
            for (int d = 0; d < starts[i].length; d++) {
                starts[i][d] += (s.kind() == SystemKind.DELAY ? 0.05 : 1e-3) * i;
            }
        }
        double transientTime = switch (s.kind()) {
            case MAP -> 1000;
            case FLOW -> 50 * s.period();
            case DELAY -> 500;
        };
        double sum = 0;
        double sq = 0;
        long t0 = System.nanoTime();
        StringBuilder all = new StringBuilder();
        for (double[] start : starts) {
            LyapunovResult r = LyapunovEstimators.estimate(s, p, start, new LyapunovSettings(duration, transientTime, spectrum, TOL));
            sum += r.maxExponent();
            sq += r.maxExponent() * r.maxExponent();
            all.append(String.format(Locale.ROOT, " %.5f", r.maxExponent()));
        }
        double mean = sum / RUNS;
        double se = Math.sqrt(Math.max(0, sq / RUNS - mean * mean) / (RUNS - 1));
        System.out.printf(
                Locale.ROOT,
                "%-12s lambda_1 = %.5f +/- %.5f (5 x %.0f; runs:%s) %.1f s%n",
                name,
                mean,
                se,
                duration,
                all,
                (System.nanoTime() - t0) / 1e9);
        return new double[] {mean, se};
    }

    @Test
    void lorenz() {
        double[] m = largest("Lorenz", new double[] {8.0 / 3.0, 28, 10}, 20000, true);
        assertThat(m[0]).isCloseTo(0.9056, within(0.005 * 0.9056));
    }

    @Test
    void rossler() {
        double[] m = largest("Rossler", new double[] {0.2, 0.2, 5.7}, 50000, true);
        assertThat(m[0]).isCloseTo(0.0714, within(0.02 * 0.0714));
    }

    @Test
    void henon() {
        assertThat(largest("Henon", new double[] {1.4, 0.3}, 10_000_000, true)[0]).isCloseTo(0.41922, within(0.002 * 0.41922));
    }

    @Test
    void mackeyGlass() {
        double[] m = largest("MackeyGlass", new double[] {0.2, 0.1, 10, 17}, 50000, false);
        assertThat(m[0]).isBetween(0.0047, 0.0060);
    }
}
