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
}
