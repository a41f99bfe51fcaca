package io.chaoscast.dynamics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.systems.DelayEquationSystem;
import io.chaoscast.dynamics.systems.ChaoticSystem;
import io.chaoscast.dynamics.systems.DelaySystem;
import io.chaoscast.dynamics.systems.ParameterOutOfRangeException;
import io.chaoscast.dynamics.systems.SystemInfo;
import io.chaoscast.dynamics.systems.SystemKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodOfStepsIntegratorTest {

    /** {@code y' = -y(t - 1)}, history 1: the textbook DDE whose solution is a polynomial per unit interval. */
    private static final DelaySystem LINEAR =
            new DelayEquationSystem(
                    new SystemInfo("LinearDelay", List.of("tau"), new double[] {1.0}, new double[] {1.0}, 1.0, "test", "test"),
                    (t, y, yd, p, d) -> d[0] = -yd[0],
                    p -> p[0]);

    /**
     * The exact solution of {@code y' = -y(t - 1)}, {@code y = 1} on {@code [-1, 0]}: on {@code [k,
     * k + 1]} it is a polynomial of degree {@code k + 1} in {@code s = t - k}, obtained by
     * integrating the previous piece: {@code y_k(s) = y_{k-1}(1) - int_0^s y_{k-1}(u) du}.
     */
    private static double exact(double t) {
        double[] piece = {1.0}; // history, coefficients in s
        int k = (int) Math.floor(t);
        if (t == k && k > 0) {
            k--; // the left piece at a breakpoint, both agree
        }
        for (int i = 0; i <= k; i++) {
            double end = 0;
            for (double c : piece) {
                end += c; // value at s = 1
            }
            double[] next = new double[piece.length + 1];
            next[0] = end;
            for (int j = 0; j < piece.length; j++) {
                next[j + 1] = -piece[j] / (j + 1);
            }
            piece = next;
        }
        double s = t - k;
        double v = 0;
        for (int j = piece.length - 1; j >= 0; j--) {
            v = v * s + piece[j];
        }
        return v;
    }

    private static double maxError(int stepsPerDelay, double dt, int samples) {
        DelayState state = MethodOfStepsIntegrator.start(LINEAR, new double[] {1.0}, new double[] {1.0}, stepsPerDelay);
        double[] y = new double[1];
        double worst = 0;
        for (int i = 0; i < samples; i++) {
            double t = i * dt;
            state.advanceTo(t);
            state.valueAt(t, y);
            worst = Math.max(worst, Math.abs(y[0] - exact(t)));
        }
        return worst;
    }

    @Test
    void exactSolutionHelperMatchesHandComputedPieces() {
        // [0,1]: 1 - t; [1,2]: t^2/2 - 2t + 3/2; [2,3]: y(2) = -1/2.
        assertThat(exact(0.5)).isCloseTo(0.5, within(1e-15));
        assertThat(exact(1.5)).isCloseTo(1.125 - 3 + 1.5, within(1e-15));
        assertThat(exact(2.0)).isCloseTo(-0.5, within(1e-15));
    }

    @Test
    void nodesAndInterpolatedSamplesConvergeAtFourthOrder() {
        // Samples at dt = 0.037 fall between nodes, so the Hermite interpolant is exercised too.
        // On [0, 3] the solution is a cubic and RK4 + cubic Hermite reproduce it to rounding;
        // beyond, the pieces have degree 4 and higher, and the error shows the order.
        double e1 = maxError(10, 0.037, 190);
        double e2 = maxError(20, 0.037, 190);
        double e3 = maxError(40, 0.037, 190);
        System.out.printf("y'=-y(t-1) on [0,7]: max error m=10 %.3e, m=20 %.3e, m=40 %.3e%n", e1, e2, e3);
        assertThat(e1).isLessThan(1e-5);
        assertThat(e1 / e2).isBetween(12.0, 20.0);
        assertThat(e2 / e3).isBetween(12.0, 20.0);
        assertThat(maxError(10, 0.037, 81)).as("exact for the cubic pieces on [0, 3]").isLessThan(1e-14);
    }

    @Test
    void samplesLieOnTheExactGridAfterTheTransient() {
        List<Double> got = new ArrayList<>();
        double transientTime = 3.3;
        double dt = 0.1;
        new MethodOfStepsIntegrator().sample(LINEAR, new double[] {1.0}, new double[] {1.0}, transientTime, dt, 30, (i, y) -> got.add(y[0]));
        assertThat(got).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(got.get(i)).isCloseTo(exact(transientTime + i * dt), within(1e-9));
        }
    }

    @Test
    void mackeyGlassStaysBoundedWithDystsLikeSpread() {
        DelaySystem mg = (DelaySystem) SystemCatalog.standard().find("MackeyGlass").orElseThrow();
        double[] stats = new double[4];
        stats[2] = Double.POSITIVE_INFINITY;
        stats[3] = Double.NEGATIVE_INFINITY;
        int n = 20000;
        new TrajectoryGenerator(IntegrationSettings.DEFAULT)
                .generate(mg, mg.defaultParameters(), mg.defaultInitialCondition(), 0.5, 1000, n, (i, y) -> {
                    stats[0] += y[0];
                    stats[1] += y[0] * y[0];
                    stats[2] = Math.min(stats[2], y[0]);
                    stats[3] = Math.max(stats[3], y[0]);
                });
        double mean = stats[0] / n;
        double std = Math.sqrt(stats[1] / n - mean * mean);
        System.out.printf("MackeyGlass tau=17: mean %.4f std %.4f range [%.3f, %.3f]%n", mean, std, stats[2], stats[3]);
        // Positive and below beta/gamma * max(x/(1+x^n)) bounds: the attractor lives in (0, 1.5).
        assertThat(stats[2]).isGreaterThan(0.2);
        assertThat(stats[3]).isLessThan(1.5);
        // dysts reports mean 0.882 and std 0.2536 for its first embedding coordinate (at tau = 16,
        // from its own integrator); "roughly" here means within 20 %.
        assertThat(mean).isCloseTo(0.882, within(0.1 * 0.882));
        assertThat(std).isCloseTo(0.2536, within(0.2 * 0.2536));
    }

    @Test
    void growingSolutionIsReportedAsDivergence() {
        DelaySystem growing = new DelayEquationSystem(
                new SystemInfo("Growing", List.of("tau"), new double[] {1.0}, new double[] {1.0}, 1.0, "test", "test"),
                (t, y, yd, p, d) -> d[0] = 5 * y[0] + 5 * yd[0],
                p -> p[0]);
        assertThatThrownBy(() -> new TrajectoryGenerator(IntegrationSettings.DEFAULT)
                        .generate(growing, new double[] {1.0}, new double[] {1.0}, 0.1, 0, 10_000, (i, y) -> {}))
                .isInstanceOf(DivergenceException.class)
                .satisfies(e -> assertThat(((DivergenceException) e).time()).isBetween(1.0, 10.0));
    }

    @Test
    void nonPositiveDelayIsRejectedWithItsValue() {
        assertThatThrownBy(() -> new MethodOfStepsIntegrator().sample(LINEAR, new double[] {-2.0}, new double[] {1.0}, 0, 0.1, 3, (i, y) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tau")
                .hasMessageContaining("-2.0");
    }

    @Test
    void delaysOutsideTheRangeAreRefusedAsTheirParameterBeforeAnyStep() {
        DelaySystem mg = (DelaySystem) SystemCatalog.standard().find("MackeyGlass").orElseThrow();
        MethodOfStepsIntegrator integrator = new MethodOfStepsIntegrator();
        double[] range = integrator.delayRange(mg);
        // A tiny positive delay used to pass and make steps of tau / 16: an integration without end.
        for (double tau : new double[] {1e-300, range[0] * 0.999, range[1] * 1.001, Double.NaN}) {
            double[] p = withDelay(mg, tau);
            assertThatThrownBy(() -> integrator.sample(mg, p, mg.defaultInitialCondition(), 0, 1, 3, (i, y) -> {}))
                    .isInstanceOf(ParameterOutOfRangeException.class)
                    .hasMessageContaining("parameters.tau must be from " + (float) range[0] + " to " + (float) range[1])
                    .hasMessageContaining("found " + tau)
                    .satisfies(e -> assertThat(((ParameterOutOfRangeException) e).parameter()).isEqualTo("tau"));
        }
        // The ends themselves are accepted, and the shortest delay costs at most MAX_REFINEMENT times
        // the usual steps per period.
        DelayState shortest = integrator.start(mg, withDelay(mg, range[0]), mg.defaultInitialCondition());
        assertThat(mg.period() / shortest.stepSize())
                .isLessThanOrEqualTo(MethodOfStepsIntegrator.MAX_REFINEMENT * MethodOfStepsIntegrator.DEFAULT_STEPS_PER_PERIOD * (1 + 1e-9));
        assertThat(integrator.checkDelay(mg, withDelay(mg, range[1]))).isEqualTo(range[1]);
        assertThat(range[0]).isLessThan(mg.delay(mg.defaultParameters()));
    }

    @Test
    void everyCatalogDelaySystemNamesItsDelayAndSitsInsideTheRangeAtItsDefaults() {
        MethodOfStepsIntegrator integrator = new MethodOfStepsIntegrator();
        List<ChaoticSystem> delays = SystemCatalog.standard().ofKind(SystemKind.DELAY);
        assertThat(delays).hasSizeGreaterThanOrEqualTo(6);
        for (ChaoticSystem s : delays) {
            DelaySystem d = (DelaySystem) s;
            assertThat(d.delayParameter()).as(s.name()).isEqualTo("tau");
            double[] range = integrator.delayRange(d);
            assertThat(d.delay(d.defaultParameters())).as(s.name()).isBetween(range[0], range[1]);
        }
    }

    private static double[] withDelay(DelaySystem system, double tau) {
        double[] p = system.defaultParameters();
        p[system.parameterNames().indexOf("tau")] = tau;
        return p;
    }

    @Test
    void dystsStyleEmbeddingAsInitialConditionIsRejected() {
        DelaySystem mg = (DelaySystem) SystemCatalog.standard().find("MackeyGlass").orElseThrow();
        assertThatThrownBy(() -> new MethodOfStepsIntegrator().sample(mg, mg.defaultParameters(), new double[10], 0, 1, 3, (i, y) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MackeyGlass")
                .hasMessageContaining("must have 1 value")
                .hasMessageContaining("found 10");
    }

    @Test
    void stepDividesTheDelayExactly() {
        DelaySystem mg = (DelaySystem) SystemCatalog.standard().find("MackeyGlass").orElseThrow();
        DelayState s = new MethodOfStepsIntegrator().start(mg, mg.defaultParameters(), mg.defaultInitialCondition());
        assertThat(s.stepSize() * s.stepsPerDelay()).isCloseTo(17.0, within(1e-12));
        assertThat(s.stepSize()).isLessThanOrEqualTo(mg.period() / MethodOfStepsIntegrator.DEFAULT_STEPS_PER_PERIOD);
    }
}
