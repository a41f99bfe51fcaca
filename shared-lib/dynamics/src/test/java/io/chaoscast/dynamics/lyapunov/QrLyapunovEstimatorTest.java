package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.integration.IntegrationSettings;
import io.chaoscast.dynamics.systems.FlowSystem;
import io.chaoscast.dynamics.systems.SystemInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exponents of a linear flow {@code y' = A y} with triangular {@code A} are its diagonal
 * entries: an exact reference that needs no literature. The spread (0, -3, -400) is far wider than
 * Lorenz's, wide enough that the growth-ratio control shortens the renormalisation interval (for
 * this triangular system the estimate is right either way; the control is a safeguard for ratios
 * near the integration tolerance).
 */
class QrLyapunovEstimatorTest {

    private static final SystemInfo INFO =
            new SystemInfo("Triangular", List.of(), new double[0], new double[] {1, 1, 1}, 1.0, "test", "test");

    private static final FlowSystem.Equations EQUATIONS = (t, y, p, d) -> {
        d[0] = 2 * y[1];
        d[1] = -3 * y[1] + y[2];
        d[2] = -400 * y[2];
    };

    private static final FlowSystem ANALYTIC = new FlowSystem(INFO, EQUATIONS, (t, y, p, j) -> {
        j[0][0] = 0;
        j[0][1] = 2;
        j[0][2] = 0;
        j[1][0] = 0;
        j[1][1] = -3;
        j[1][2] = 1;
        j[2][0] = 0;
        j[2][1] = 0;
        j[2][2] = -400;
    });

    private static final LyapunovSettings SETTINGS =
            new LyapunovSettings(100, 0, true, new IntegrationSettings(1e-9, 1e-9));

    @Test
    void linearFlowExponentsAreTheDiagonalEvenWhenTheyDifferByFourHundred() {
        LyapunovResult r = new QrLyapunovEstimator().estimate(ANALYTIC, new double[0], INFO.initialCondition(), SETTINGS);
        assertThat(r.spectrum()[0]).isCloseTo(0, within(0.01));
        assertThat(r.spectrum()[1]).isCloseTo(-3, within(0.03));
        assertThat(r.spectrum()[2]).isCloseTo(-400, within(4.0));
        assertThat((Integer) r.settings().get("renormalisationIntervalHalvings")).isPositive();
        assertThat(r.method()).contains("analytic Jacobian");
        assertThat(r.kaplanYorkeDimension()).isCloseTo(1.0, within(0.01 / 3));
    }

    @Test
    void flowWithoutJacobianFallsBackToFiniteDifferencesAndSaysSo() {
        FlowSystem noJacobian = new FlowSystem(INFO, EQUATIONS, null);
        assertThat(noJacobian.hasAnalyticJacobian()).isFalse();
        LyapunovResult r = new QrLyapunovEstimator().estimate(noJacobian, new double[0], INFO.initialCondition(), SETTINGS);
        assertThat(r.method()).contains("finite-difference");
        assertThat(r.spectrum()[1]).isCloseTo(-3, within(0.03));
        assertThat(r.spectrum()[2]).isCloseTo(-400, within(4.0));
    }

    @Test
    void durationThatLeavesARoundingSliverStillCompletes() {
        // t reaches 100 exactly in steps of 1/128; the 1e-11 left is below Hipparchus' smallest
        // integration interval at t = 100 (1000 ulps = 1.4e-11) and must be folded into the last
        // interval (the LuChen system of the full catalog hit this).
        FlowSystem rotation = new FlowSystem(
                new SystemInfo("Rotation", List.of(), new double[0], new double[] {1, 0}, 1.0, "test", "test"),
                (t, y, p, d) -> {
                    d[0] = -y[1];
                    d[1] = y[0];
                },
                (t, y, p, j) -> {
                    j[0][0] = 0;
                    j[0][1] = -1;
                    j[1][0] = 1;
                    j[1][1] = 0;
                });
        LyapunovResult r = new QrLyapunovEstimator(1.0 / 128)
                .estimate(rotation, new double[0], new double[] {1, 0}, new LyapunovSettings(100 + 1e-11, 0, true, IntegrationSettings.DEFAULT));
        assertThat(r.spectrum()).containsExactly(new double[] {0, 0}, within(1e-9));
    }

    @Test
    void estimateStopsWhenItsBudgetIsSpent() {
        io.chaoscast.dynamics.systems.ChaoticSystem lorenz =
                io.chaoscast.dynamics.catalog.SystemCatalog.standard().find("Lorenz").orElseThrow();
        long start = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LyapunovEstimators.estimate(
                        lorenz,
                        lorenz.defaultParameters(),
                        lorenz.defaultInitialCondition(),
                        new LyapunovSettings(1e7, 0, true, IntegrationSettings.DEFAULT),
                        java.time.Duration.ofMillis(200)))
                .isInstanceOf(EstimationBudgetExceededException.class)
                .hasMessageContaining("Lorenz")
                .hasMessageContaining("budget");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10.0);
    }

    @Test
    void collapsingStepSizeIsReportedAsDivergenceNotAsAnIntegratorError() {
        // y' = 1 / (1 - t): y = -ln(1 - t) stays small while its slope explodes at t = 1, so the
        // step size collapses to the integrator's minimum before any value grows large.
        FlowSystem singular = new FlowSystem(
                new SystemInfo("Singular", List.of(), new double[0], new double[] {0}, 1.0, "test", "test"),
                (t, y, p, d) -> d[0] = 1 / (1 - t),
                (t, y, p, j) -> j[0][0] = 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LyapunovEstimators.estimate(
                        singular, new double[0], new double[] {0}, new LyapunovSettings(2, 0, false, IntegrationSettings.DEFAULT)))
                .isInstanceOf(io.chaoscast.dynamics.integration.DivergenceException.class)
                .hasMessageContaining("Singular");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LyapunovEstimators.estimate(
                        singular, new double[0], new double[] {0}, new LyapunovSettings(2, 1.5, false, IntegrationSettings.DEFAULT)))
                .isInstanceOf(io.chaoscast.dynamics.integration.DivergenceException.class)
                .hasMessageContaining("transient");
    }

    @Test
    void initialConditionOfTheWrongLengthIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LyapunovEstimators.estimate(
                        ANALYTIC, new double[0], new double[] {1, 1}, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must have 3 value(s), found 2");
    }
}
