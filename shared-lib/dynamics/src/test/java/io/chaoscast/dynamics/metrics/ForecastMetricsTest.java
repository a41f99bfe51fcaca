package io.chaoscast.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastMetricsTest {

    // Errors (f - y): (0, 1), (-1, 0), (0, 2).
    private static final double[][] TRUTH = {{1, 2}, {3, 4}, {5, 6}};
    private static final double[][] FORECAST = {{1, 3}, {2, 4}, {5, 8}};
    private static final double EPS = 1e-12;

    @Test
    void errorMetricsMatchHandComputedValues() {
        assertThat(ForecastMetrics.mse(TRUTH, FORECAST)).isCloseTo(6.0 / 6, within(EPS));
        assertThat(ForecastMetrics.mae(TRUTH, FORECAST)).isCloseTo(4.0 / 6, within(EPS));
        assertThat(ForecastMetrics.rmse(TRUTH, FORECAST)).isCloseTo(1.0, within(EPS));
        // Both truth columns have population variance 8/3: sqrt(6 / (8/3) / 6).
        assertThat(ForecastMetrics.nrmse(TRUTH, FORECAST)).isCloseTo(Math.sqrt(0.375), within(EPS));
        // 200/6 * (0 + 1/5 + 1/5 + 0 + 0 + 2/14).
        assertThat(ForecastMetrics.smape(TRUTH, FORECAST)).isCloseTo(200.0 / 6 * (0.4 + 1.0 / 7), within(EPS));
        // SS_res = 6, SS_tot = 8 + 8.
        assertThat(ForecastMetrics.r2(TRUTH, FORECAST)).isCloseTo(1 - 6.0 / 16, within(EPS));
        // Column 0: 8 / sqrt(8 * 26/3); column 1: 10 / sqrt(8 * 14).
        double expected = (8 / Math.sqrt(8 * 26.0 / 3) + 10 / Math.sqrt(8 * 14.0)) / 2;
        assertThat(ForecastMetrics.pearson(TRUTH, FORECAST)).isCloseTo(expected, within(EPS));
    }

    @Test
    void maseScalesByTheNaiveOneStepErrorOfTheTrainingSeries() {
        // Naive one-step errors: |1|, |2|, |2|, |0| -> 5 / 4.
        double[][] training = {{0, 0}, {1, 2}, {3, 2}};
        assertThat(ForecastMetrics.mase(TRUTH, FORECAST, training)).isCloseTo((4.0 / 6) / 1.25, within(EPS));
        assertThatThrownBy(() -> ForecastMetrics.mase(TRUTH, FORECAST, new double[][] {{1, 1}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("constant");
    }

    @Test
    void smapeDefinesZeroOverZeroAsZeroAndReachesTwoHundredOnOppositeSigns() {
        assertThat(ForecastMetrics.smape(new double[][] {{0, 0}}, new double[][] {{0, 0}})).isZero();
        assertThat(ForecastMetrics.smape(new double[][] {{1, -2}}, new double[][] {{-1, 2}})).isCloseTo(200, within(EPS));
        assertThat(ForecastMetrics.smape(new double[][] {{0}}, new double[][] {{3}})).isCloseTo(200, within(EPS));
    }

    @Test
    void perfectForecastScoresPerfectly() {
        assertThat(ForecastMetrics.mse(TRUTH, TRUTH)).isZero();
        assertThat(ForecastMetrics.mae(TRUTH, TRUTH)).isZero();
        assertThat(ForecastMetrics.nrmse(TRUTH, TRUTH)).isZero();
        assertThat(ForecastMetrics.smape(TRUTH, TRUTH)).isZero();
        assertThat(ForecastMetrics.r2(TRUTH, TRUTH)).isEqualTo(1.0);
        assertThat(ForecastMetrics.pearson(TRUTH, TRUTH)).isCloseTo(1.0, within(EPS));
        assertThat(ForecastMetrics.spearman(TRUTH, TRUTH)).isCloseTo(1.0, within(EPS));
        assertThat(ForecastMetrics.validPredictionTime(TRUTH, TRUTH, 0.1, 0.9)).isCloseTo(3 * 0.1 * 0.9, within(EPS));
    }

    @Test
    void constantShiftMovesErrorsButNotCorrelations() {
        double c = 0.5;
        double[][] shifted = new double[TRUTH.length][2];
        for (int i = 0; i < TRUTH.length; i++) {
            for (int d = 0; d < 2; d++) {
                shifted[i][d] = TRUTH[i][d] + c;
            }
        }
        assertThat(ForecastMetrics.mae(TRUTH, shifted)).isCloseTo(c, within(EPS));
        assertThat(ForecastMetrics.mse(TRUTH, shifted)).isCloseTo(c * c, within(EPS));
        assertThat(ForecastMetrics.r2(TRUTH, shifted)).isCloseTo(1 - 6 * c * c / 16, within(EPS));
        assertThat(ForecastMetrics.pearson(TRUTH, shifted)).isCloseTo(1.0, within(EPS));
        assertThat(ForecastMetrics.spearman(TRUTH, shifted)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void spearmanAveragesTiedRanksAndIgnoresMonotoneDistortion() {
        assertThat(ForecastMetrics.ranks(new double[] {3, 1, 2, 2})).containsExactly(4, 1, 2.5, 2.5);
        double[][] y = {{1}, {2}, {3}, {4}, {5}};
        double[][] cubed = {{1}, {8}, {27}, {64}, {125}};
        assertThat(ForecastMetrics.spearman(y, cubed)).isCloseTo(1.0, within(EPS));
        assertThat(ForecastMetrics.pearson(y, cubed)).isLessThan(0.99);
        double[][] reversed = {{5}, {4}, {3}, {2}, {1}};
        assertThat(ForecastMetrics.spearman(y, reversed)).isCloseTo(-1.0, within(EPS));
        // Ties: truth ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4 -> 4.5 / sqrt(4.5 * 5).
        double[][] tied = {{1}, {2}, {2}, {3}};
        double[][] plain = {{1}, {2}, {3}, {4}};
        assertThat(ForecastMetrics.spearman(tied, plain)).isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(EPS));
    }

    @Test
    void validPredictionTimeStopsAtTheFirstStepAboveTheThreshold() {
        double[][] truth = new double[10][1];
        double[][] forecast = new double[10][1];
        for (int i = 0; i < 10; i++) {
            truth[i][0] = 1;
            forecast[i][0] = i < 4 ? 1 : 2; // from step 4 on, sMAPE = 200 * 1/3 = 66.7
        }
        // Four valid steps of dt = 0.1 at lambda = 0.9.
        assertThat(ForecastMetrics.validPredictionTime(truth, forecast, 0.1, 0.9)).isCloseTo(0.36, within(EPS));
        // A higher threshold than 66.7 is never exceeded: the whole horizon.
        assertThat(ForecastMetrics.validPredictionTime(truth, forecast, 0.1, 0.9, 70)).isCloseTo(0.9, within(EPS));
        // Wrong from the first step: zero.
        assertThat(ForecastMetrics.validPredictionTime(truth, new double[10][1], 0.1, 0.9)).isZero();
    }

    @Test
    void validPredictionTimeUsesTheMeanSmapeAcrossDimensions() {
        // Step sMAPE = (0 + 200 * 1/3) / 2 = 33.3: above 30, below 40.
        double[][] truth = {{1, 1}};
        double[][] forecast = {{1, 2}};
        assertThat(ForecastMetrics.validPredictionTime(truth, forecast, 1, 1, 30)).isZero();
        assertThat(ForecastMetrics.validPredictionTime(truth, forecast, 1, 1, 40)).isEqualTo(1.0);
    }

    @Test
    void nrmseValidPredictionTimeIsLenientWhereSmapeIsHarshAtAZeroCrossing() {
        // Truth crosses zero: 0.1, 0.05, 0.0, -0.05 ... on an attractor of standard deviation 1.
        // The forecast is off by 0.02 throughout: tiny in attractor units, but sMAPE compares the
        // error to |f| + |y|, which vanishes at the crossing.
        double[][] truth = new double[10][1];
        double[][] forecast = new double[10][1];
        for (int i = 0; i < 10; i++) {
            truth[i][0] = 0.1 - 0.05 * i;
            forecast[i][0] = truth[i][0] + 0.02;
        }
        double[] std = {1.0};
        assertThat(ForecastMetrics.validPredictionTimeNrmse(truth, forecast, 0.1, 0.9, std, 0.4))
                .isCloseTo(0.9, within(EPS));
        // sMAPE of the second step (0.05 vs 0.07) is 33 > 30: one valid step.
        assertThat(ForecastMetrics.validPredictionTime(truth, forecast, 0.1, 0.9)).isCloseTo(0.09, within(EPS));
        // A step whose normalised error passes 0.4 ends it: error 0.5 from step 3 on.
        for (int i = 3; i < 10; i++) {
            forecast[i][0] = truth[i][0] + 0.5;
        }
        assertThat(ForecastMetrics.validPredictionTimeNrmse(truth, forecast, 0.1, 0.9, std, 0.4))
                .isCloseTo(3 * 0.1 * 0.9, within(EPS));
        // Errors are measured in each dimension's own spread: with std 2 the 0.5 is only 0.25.
        assertThat(ForecastMetrics.validPredictionTimeNrmse(truth, forecast, 0.1, 0.9, new double[] {2}, 0.4))
                .isCloseTo(0.9, within(EPS));
        assertThatThrownBy(() -> ForecastMetrics.validPredictionTimeNrmse(truth, forecast, 0.1, 0.9, new double[] {0}, 0.4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attractorStd[0]");
    }

    @Test
    void attractorStdPoolsEveryTrajectory() {
        double[][][] t = {{{1, 0}, {3, 0}}, {{1, 2}, {3, 2}}};
        assertThat(ForecastMetrics.attractorStd(t)).containsExactly(new double[] {1, 1}, within(EPS));
    }

    @Test
    void badInputIsRejectedWithTheFieldNamed() {
        assertThatThrownBy(() -> ForecastMetrics.mse(TRUTH, new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 steps")
                .hasMessageContaining("1");
        assertThatThrownBy(() -> ForecastMetrics.mse(TRUTH, new double[][] {{1, 2}, {3}, {5, 6}}))
                .hasMessageContaining("forecast[1]");
        assertThatThrownBy(() -> ForecastMetrics.mae(TRUTH, new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}}))
                .hasMessageContaining("forecast[1][1]");
        assertThatThrownBy(() -> ForecastMetrics.validPredictionTime(TRUTH, TRUTH, 0.1, 0))
                .hasMessageContaining("maxLyapunov");
        assertThatThrownBy(() -> ForecastMetrics.validPredictionTime(TRUTH, TRUTH, 0.1, 1, 250))
                .hasMessageContaining("smapeThreshold");
        assertThat(ForecastMetrics.nrmse(new double[][] {{1}, {1}}, new double[][] {{1}, {2}})).isNaN();
    }
}
