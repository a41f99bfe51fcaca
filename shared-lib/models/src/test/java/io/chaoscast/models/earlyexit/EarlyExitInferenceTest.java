package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.TinyLorenz;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EarlyExitInferenceTest {

    private static EarlyExitForecaster net;
    private static double[][][] contexts;
    private static int h;
    private static int n;

    @BeforeAll
    static void train() {
        net = TinyLorenz.trainNetwork();
        contexts = TinyLorenz.contexts(64, 8);
        h = net.spec().stepsPerPass();
        n = net.spec().depth();
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void thresholdZeroRunsFullDepth() {
        ForecastResult r = net.forecast(contexts, 3 * h, ExitPolicy.dynamic(0));
        for (int[] row : r.exitDepths()) {
            assertThat(row).containsOnly(n);
        }
        assertThat(r.blockEvaluations()).isEqualTo(r.fullDepthBlockEvaluations());
    }

    @Test
    void thresholdOneExitsAtTheFirstBlock() {
        ForecastResult r = net.forecast(contexts, 3 * h, ExitPolicy.dynamic(1));
        for (int[] row : r.exitDepths()) {
            assertThat(row).containsOnly(1);
        }
        assertThat(r.blockEvaluations()).isEqualTo((long) contexts.length * 3);
        assertThat(r.fullDepthBlockEvaluations()).isEqualTo((long) contexts.length * 3 * n);
    }

    @Test
    void fixedDepthEqualsThatExitHead() {
        double[][][][] exits = net.exitForecasts(contexts);
        for (int d = 1; d <= n; d++) {
            ForecastResult r = net.forecast(contexts, h, ExitPolicy.fixed(d));
            assertThat(r.blockEvaluations()).isEqualTo((long) contexts.length * d);
            for (int b = 0; b < contexts.length; b++) {
                assertThat(r.exitDepths()[b][0]).isEqualTo(d);
                for (int k = 0; k < h; k++) {
                    assertThat(r.forecasts()[b][k]).containsExactly(exits[d - 1][b][k], within(1e-9));
                }
            }
        }
        double[][][] full = net.forecast(contexts, h, ExitPolicy.full()).forecasts();
        for (int b = 0; b < contexts.length; b++) {
            for (int k = 0; k < h; k++) {
                assertThat(full[b][k]).containsExactly(exits[n - 1][b][k], within(1e-9));
            }
        }
    }

    @Test
    void compactionSavesBlocksAndKeepsDeepRowsIdentical() {
        // A threshold at the median first-block uncertainty makes about half the rows exit there.
        ForecastResult probe = net.forecast(contexts, h, ExitPolicy.fixed(1));
        double[] u = Arrays.stream(probe.uncertainties()).mapToDouble(row -> row[0]).sorted().toArray();
        double threshold = u[u.length / 2];
        ForecastResult dyn = net.forecast(contexts, h, ExitPolicy.dynamic(threshold));
        ForecastResult full = net.forecast(contexts, h, ExitPolicy.full());
        double[][][][] exits = net.exitForecasts(contexts);
        long depthSum = 0;
        int early = 0;
        int deep = 0;
        for (int b = 0; b < contexts.length; b++) {
            int d = dyn.exitDepths()[b][0];
            depthSum += d;
            double[][] expected = d == n ? full.forecasts()[b] : exits[d - 1][b];
            if (d == n) {
                deep++;
            } else {
                early++;
            }
            for (int k = 0; k < h; k++) {
                // Row-wise layers on a smaller batch may round differently in the last float bit.
                assertThat(dyn.forecasts()[b][k]).containsExactly(expected[k], within(1e-5));
            }
        }
        assertThat(early).isPositive();
        assertThat(dyn.blockEvaluations()).isEqualTo(depthSum).isLessThan(full.blockEvaluations());
        assertThat(deep + early).isEqualTo(contexts.length);
    }

    @Test
    void rolloutsChooseADepthPerPass() {
        int horizon = 3 * h + 1;
        ForecastResult r = net.forecast(contexts, horizon, ExitPolicy.dynamic(0.5));
        assertThat(r.forecasts()[0]).hasNumberOfRows(horizon);
        assertThat(r.exitDepths()[0]).hasSize(4);
        assertThat(r.uncertainties()[0]).hasSize(4);
        long sum = Arrays.stream(r.exitDepths()).flatMapToInt(Arrays::stream).asLongStream().sum();
        assertThat(r.blockEvaluations()).isEqualTo(sum);
        for (double[] row : r.uncertainties()) {
            for (double v : row) {
                assertThat(v).isStrictlyBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void firstPassOfARolloutEqualsAOnePassForecast() {
        double[][][] one = net.forecast(contexts, h, ExitPolicy.full()).forecasts();
        double[][][] longer = net.forecast(contexts, 2 * h, ExitPolicy.full()).forecasts();
        for (int b = 0; b < contexts.length; b++) {
            for (int k = 0; k < h; k++) {
                assertThat(longer[b][k]).containsExactly(one[b][k], within(1e-12));
            }
        }
    }

    @Test
    void calibrationMatchesTheCompactingPath() {
        double[][][] val = TinyLorenz.splits().validation();
        EarlyExitForecaster cal = ThresholdCalibrator.calibrate(net, val, 0.02, h);
        var table = cal.modelSpec().calibration();
        assertThat(table.points().get(0).threshold()).isZero();
        assertThat(table.points().get(0).meanDepth()).isEqualTo(n);
        assertThat(table.points().get(0).relativeError()).isZero();
        var last = table.points().get(table.points().size() - 1);
        assertThat(last.threshold()).isEqualTo(1.0);
        assertThat(last.meanDepth()).isEqualTo(1.0);
        assertThat(table.chosen().relativeError()).isLessThanOrEqualTo(0.02);
        assertThat(table.oracleMeanDepth()).isBetween(1.0, (double) n);
        // The same windows through the compacting inference path give the same mean depth.
        int l = net.spec().contextLength();
        java.util.List<double[][]> windows = new java.util.ArrayList<>();
        for (double[][] t : val) {
            for (int s = 0; s + l + h <= t.length; s += h) {
                windows.add(Arrays.copyOfRange(t, s, s + l));
            }
        }
        assertThat(windows).hasSize(table.windows());
        var mid = table.points().get(table.points().size() / 2);
        ForecastResult r = net.forecast(windows.toArray(double[][][]::new), h, ExitPolicy.dynamic(mid.threshold()));
        assertThat(r.meanDepth()).isCloseTo(mid.meanDepth(), within(2.0 / windows.size()));
    }
}
