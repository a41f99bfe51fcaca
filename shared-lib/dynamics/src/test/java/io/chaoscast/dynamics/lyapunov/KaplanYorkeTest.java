package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.dynamics.integration.IntegrationSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KaplanYorkeTest {

    @Test
    void lorenzSpectrumGivesTwoPointZeroSix() {
        // 2 + (0.9056 + 0) / 14.5723
        assertThat(KaplanYorke.dimension(new double[] {-14.5723, 0.9056, 0}, true)).isCloseTo(2.06214, within(1e-5));
    }

    @Test
    void stableFixedPointHasDimensionZeroAndLimitCycleOne() {
        assertThat(KaplanYorke.dimension(new double[] {-0.1, -1}, true)).isZero();
        assertThat(KaplanYorke.dimension(new double[] {0, -1}, true)).isEqualTo(1.0);
    }

    @Test
    void expandingEverywhereIsTheFullDimensionOrUnknownWhenPartial() {
        assertThat(KaplanYorke.dimension(new double[] {0.5, 0.1}, true)).isEqualTo(2.0);
        assertThat(KaplanYorke.dimension(new double[] {0.5, 0.1}, false)).isNaN();
        // Partial, but the sums turn negative inside: known.
        assertThat(KaplanYorke.dimension(new double[] {0.5, -1.0}, false)).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void aFlowsExponentNearestZeroCountsAsItsZeroWithinThreeStandardErrors() {
        // StickSlipOscillator's periodic orbit: the zero exponent a hair below zero reads as a fixed point.
        double[] periodic = {-0.000173, -0.0371, Double.NEGATIVE_INFINITY};
        double[] errors = {0.000124, 0.0007, Double.NaN};
        assertThat(KaplanYorke.dimension(periodic, true)).isZero();
        int zero = KaplanYorke.alongTheOrbit(periodic, errors);
        assertThat(zero).isZero();
        assertThat(KaplanYorke.dimension(KaplanYorke.withZeroAt(periodic, zero), true)).isEqualTo(1.0);
        assertThat(periodic[0]).as("the estimate itself is left alone").isEqualTo(-0.000173);
        // Lorenz: the middle one, whichever is nearer zero in absolute terms.
        assertThat(KaplanYorke.alongTheOrbit(new double[] {0.9064, -0.0017, -14.572}, new double[] {0.009, 0.001, 0.02}))
                .isEqualTo(1);
        // A stable equilibrium has no exponent within reach of zero, and an unknown error decides nothing.
        assertThat(KaplanYorke.alongTheOrbit(new double[] {-0.0548, -0.0549, -12.6}, new double[] {0.0003, 0.0003, 0.01}))
                .isEqualTo(-1);
        assertThat(KaplanYorke.alongTheOrbit(new double[] {0.5, 0.0001, -2}, new double[] {Double.NaN, Double.NaN, Double.NaN}))
                .isEqualTo(-1);
    }

    @Test
    void aSpectrumThatSumsToZeroConservesVolume() {
        // SwingingAtwood: the middle pair is noise, the sum is the divergence, zero to the integrator's tolerance.
        double[] hamiltonian = {0.14225900685960205, 0.011628192904407624, -0.015432907395622354, -0.13845429237530307};
        assertThat(KaplanYorke.conservesVolume(hamiltonian)).isTrue();
        assertThat(KaplanYorke.dimension(KaplanYorke.withZeroAt(hamiltonian, 1), true))
                .as("the noise alone would decide it")
                .isLessThan(3.95);
        assertThat(KaplanYorke.conservesVolume(new double[] {0.9064, 0, -14.572})).isFalse();
        assertThat(KaplanYorke.conservesVolume(new double[] {0, -0.037, Double.NEGATIVE_INFINITY})).isFalse();
        assertThat(KaplanYorke.conservesVolume(new double[] {0.1, -0.1 + 1e-4})).isFalse();
    }

    /** Batches of length 1 with the given per-unit-time logs of each exponent. */
    private static LyapunovResult result(boolean complete, boolean flow, double[]... batchLogs) {
        BatchMeans batches = new BatchMeans(batchLogs[0].length, 1.0);
        for (double[] logs : batchLogs) {
            batches.add(logs, 1.0);
        }
        return LyapunovEstimators.result(
                batches, complete, flow, "test", Map.of(), new LyapunovSettings(batchLogs.length, 0, true, IntegrationSettings.DEFAULT),
                Convergence.defaults(false, 1, batchLogs.length));
    }

    @Test
    void theRunAndEveryBatchTakeTheSameExponentAsTheFlowsZero() {
        // A periodic orbit: the zero exponent's batches scatter on both sides of zero, its mean a hair below.
        double[][] periodic = {
            {0.002, -0.5}, {-0.003, -0.5}, {0.001, -0.5}, {-0.002, -0.5}, {0.0015, -0.5}, {-0.0025, -0.5}, {0.001, -0.5}, {-0.001, -0.5}
        };
        LyapunovResult flow = result(true, true, periodic);
        assertThat(flow.spectrum()[0]).isNegative();
        assertThat(flow.kaplanYorkeDimension()).isEqualTo(1.0);
        // Every batch's dimension is then 1 as well: no spread.
        assertThat(flow.kaplanYorkeStandardError()).isZero();
        assertThat((String) flow.settings().get("kaplanYorke")).contains("exponent 1");
        // The same numbers as a map's: the formula alone, 0 for the run, and a spread over the batches.
        LyapunovResult map = result(true, false, periodic);
        assertThat(map.kaplanYorkeDimension()).isZero();
        assertThat(map.kaplanYorkeStandardError()).isPositive();
        assertThat(map.settings()).doesNotContainKey("kaplanYorke");
    }

    @Test
    void anEquilibriumKeepsZeroAndAPartialSpectrumFallsBackToTheFormula() {
        double[][] focus = {{-0.0547, -0.0549, -12.6}, {-0.0549, -0.0548, -12.5}, {-0.0548, -0.0550, -12.7}, {-0.0548, -0.0549, -12.6}};
        LyapunovResult equilibrium = result(true, true, focus);
        assertThat(equilibrium.kaplanYorkeDimension()).isZero();
        assertThat(equilibrium.settings()).doesNotContainKey("kaplanYorke");
        // The leading three of a delay equation's exponents: taking the noisy second as zero would keep
        // every partial sum positive, past the last exponent estimated.
        double[][] leading = {{0.01, 0.006, -0.007}, {0.01, -0.014, -0.007}, {0.01, 0.006, -0.007}, {0.01, -0.014, -0.007}};
        LyapunovResult delay = result(false, true, leading);
        assertThat(delay.kaplanYorkeDimension()).isCloseTo(2 + 0.006 / 0.007, within(1e-9));
        assertThat(delay.settings()).doesNotContainKey("kaplanYorke");
    }
}
