package io.chaoscast.dynamics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.systems.Flow;
import io.chaoscast.dynamics.systems.FlowSystem;
import io.chaoscast.dynamics.systems.SystemInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowSamplerAccuracyTest {

    private static FlowSystem flow(String name, int dim, FlowSystem.Equations eq) {
        return new FlowSystem(
                new SystemInfo(name, List.of("w"), new double[] {1.0}, new double[dim], 1.0, "test", "test"), eq, null);
    }

    /** x' = v, v' = -w^2 x: x = cos(w t), v = -w sin(w t) from (1, 0). */
    private static final FlowSystem OSCILLATOR = flow("Oscillator", 2, (t, y, p, d) -> {
        d[0] = y[1];
        d[1] = -p[0] * p[0] * y[0];
    });

    /** y' = 1 from 0: the state is the time, so a sample shows the time it was taken at. */
    private static final FlowSystem CLOCK = flow("Clock", 1, (t, y, p, d) -> d[0] = 1);

    @Test
    void harmonicOscillatorMatchesItsExactSolutionOnTheGrid() {
        double w = 2.0;
        double transientTime = 0.3;
        double dt = 0.05;
        int n = 400; // 20 time units, about 6 periods
        double[] worst = new double[1];
        int[] count = new int[1];
        new FlowSampler(IntegrationSettings.DEFAULT).sample(OSCILLATOR, new double[] {w}, new double[] {1, 0}, 0, transientTime, dt, n, (i, y) -> {
            assertThat(i).isEqualTo(count[0]);
            count[0]++;
            double t = transientTime + i * dt;
            worst[0] = Math.max(worst[0], Math.abs(y[0] - Math.cos(w * t)));
            worst[0] = Math.max(worst[0], Math.abs(y[1] + w * Math.sin(w * t)));
        });
        System.out.printf("oscillator: max error %.3e over %d samples at tol 1e-10%n", worst[0], n);
        assertThat(count[0]).isEqualTo(n);
        // The global error of a tolerance-controlled integrator is of the order of the tolerance
        // times the number of steps for a non-expanding flow: well under 1e-8 here.
        assertThat(worst[0]).isLessThan(1e-8);
    }

    @Test
    void samplesAreTakenAtExactGridTimesWithoutDuplicates() {
        double t0 = 1.25;
        double transientTime = 0.7;
        double dt = 0.013;
        int n = 5000;
        List<Double> times = new ArrayList<>();
        new FlowSampler(IntegrationSettings.DEFAULT).sample(CLOCK, new double[] {1}, new double[] {t0}, t0, transientTime, dt, n, (i, y) -> {
            assertThat(i).isEqualTo(times.size());
            times.add(y[0]);
        });
        assertThat(times).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(times.get(i)).isCloseTo(t0 + transientTime + i * dt, within(1e-12));
            if (i > 0) {
                assertThat(times.get(i) - times.get(i - 1)).isCloseTo(dt, within(1e-12));
            }
        }
    }

    /**
     * Lorenz at rtol = atol = 1e-10 against a 1e-13 reference over two time units. Bound: each
     * accepted step commits a local error of at most about {@code tol * (1 + |y|)} and there are at
     * most a few hundred steps over two time units; the errors grow no faster than {@code exp(lambda
     * T)} on average, about 6 for lambda = 0.9, T = 2. So the difference must stay below {@code 500
     * steps * 1e-10 * 50 * 6 = 1.5e-5}; we also check that it is not suspiciously tiny compared with
     * a 1e-8 run, i.e. that the tolerance is actually what controls the error.
     */
    @Test
    void lorenzAtDefaultToleranceAgreesWithATighterRunWithinTheBound() {
        Flow lorenz = (Flow) SystemCatalog.standard().find("Lorenz").orElseThrow();
        double[] p = lorenz.defaultParameters();
        double[] y0 = lorenz.defaultInitialCondition();
        double dt = 0.01;
        int n = 201;
        double[][] tight = run(lorenz, p, y0, new IntegrationSettings(1e-13, 1e-13), dt, n);
        double[][] normal = run(lorenz, p, y0, new IntegrationSettings(1e-10, 1e-10), dt, n);
        double[][] loose = run(lorenz, p, y0, new IntegrationSettings(1e-8, 1e-8), dt, n);
        double errNormal = maxDiff(tight, normal);
        double errLoose = maxDiff(tight, loose);
        System.out.printf("Lorenz over 2 time units: |1e-10 - 1e-13| = %.3e, |1e-8 - 1e-13| = %.3e%n", errNormal, errLoose);
        assertThat(errNormal).isLessThan(1.5e-5);
        assertThat(errLoose).isLessThan(1.5e-3);
        // Two orders of magnitude in tolerance should buy at least one in error.
        assertThat(errLoose / errNormal).isGreaterThan(10);
    }

    private static double[][] run(Flow f, double[] p, double[] y0, IntegrationSettings s, double dt, int n) {
        double[][] out = new double[n][];
        new FlowSampler(s).sample(f, p, y0, 0, 0, dt, n, (i, y) -> out[i] = y.clone());
        return out;
    }

    private static double maxDiff(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int d = 0; d < a[i].length; d++) {
                m = Math.max(m, Math.abs(a[i][d] - b[i][d]));
            }
        }
        return m;
    }

    @Test
    void collapsingStepSizeIsReportedAsDivergence() {
        FlowSystem singular = flow("Singular", 1, (t, y, p, d) -> d[0] = 1 / (1 - t));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FlowSampler(IntegrationSettings.DEFAULT)
                        .sample(singular, new double[] {1}, new double[] {0}, 0, 0, 0.1, 20, (i, y) -> {}))
                .isInstanceOf(DivergenceException.class)
                .hasMessageContaining("Singular")
                .satisfies(e -> assertThat(((DivergenceException) e).time()).isBetween(0.9, 1.0));
    }
}
