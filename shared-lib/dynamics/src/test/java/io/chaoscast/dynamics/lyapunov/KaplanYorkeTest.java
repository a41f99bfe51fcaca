package io.chaoscast.dynamics.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
