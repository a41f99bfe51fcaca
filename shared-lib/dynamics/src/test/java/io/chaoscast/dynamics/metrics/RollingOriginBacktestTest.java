package io.chaoscast.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RollingOriginBacktestTest {

    private static double[][] ramp(int n) {
        double[][] s = new double[n][1];
        for (int i = 0; i < n; i++) {
            s[i][0] = 10 + i;
        }
        return s;
    }

    @Test
    void originsSpreadEvenlyFromOneContextInToOneHorizonBeforeTheEnd() {
        var s = new RollingOriginBacktest.Settings(5, 4, 10, 2, 0.1, 1.0);
        assertThat(RollingOriginBacktest.starts(54, s)).containsExactly(4, 14, 24, 34, 44);
        assertThat(RollingOriginBacktest.starts(15, s)).containsExactly(4, 5);
        assertThatThrownBy(() -> RollingOriginBacktest.starts(13, s)).hasMessageContaining("shorter than context + horizon (14)");
    }

    @Test
    void perfectModelHasZeroErrorAndFullHorizonVptWithAZeroWidthInterval() {
        double[][] series = ramp(100);
        var s = new RollingOriginBacktest.Settings(10, 3, 20, 5, 0.5, 0.2);
        var report = RollingOriginBacktest.run(series, s, (contexts, h) -> Arrays.stream(contexts).map(c -> {
            double last = c[c.length - 1][0];
            double[][] f = new double[h][1];
            for (int k = 0; k < h; k++) {
                f[k][0] = last + k + 1;
            }
            return f;
        }).toArray(double[][][]::new));
        assertThat(report.origins()).hasSize(10);
        assertThat(report.intervals().get("mse").mean()).isZero();
        // 20 steps of 0.5 time units at lambda 0.2: 2 Lyapunov times.
        assertThat(report.intervals().get("vpt").low()).isCloseTo(2.0, within(1e-12));
        assertThat(report.intervals().get("vpt").high()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void persistenceErrorGrowsWithLeadAndTheIntervalHoldsTheKnownMean() {
        double[][] series = ramp(200);
        var s = new RollingOriginBacktest.Settings(50, 1, 4, 4, 1, 1);
        var report = RollingOriginBacktest.run(series, s, (contexts, h) -> Arrays.stream(contexts).map(c -> {
            double[][] f = new double[h][1];
            for (int k = 0; k < h; k++) {
                f[k][0] = c[c.length - 1][0];
            }
            return f;
        }).toArray(double[][][]::new));
        // Errors 1, 2, 3, 4 at every origin: MAE 2.5, MSE 7.5.
        var mae = report.intervals().get("mae");
        assertThat(mae.mean()).isCloseTo(2.5, within(1e-12));
        assertThat(mae.low()).isLessThanOrEqualTo(2.5);
        assertThat(mae.high()).isGreaterThanOrEqualTo(2.5);
        assertThat(report.intervals().get("mse").mean()).isCloseTo(7.5, within(1e-12));
        assertThat(report.origins().get(0).start()).isEqualTo(1);
    }
}
