package io.chaoscast.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.models.TinyLorenz;
import io.chaoscast.models.baselines.PersistenceForecaster;
import io.chaoscast.models.data.LorenzData;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void smapeIsOnZeroToTwoHundred() {
        double[][] y = {{1, -1}};
        assertThat(Metrics.smape(y, new double[][] {{1, -1}}, 1)).isZero();
        assertThat(Metrics.smape(y, new double[][] {{-1, 1}}, 1)).isEqualTo(200.0);
        assertThat(Metrics.mse(y, new double[][] {{2, -1}}, 1)).isEqualTo(0.5);
        assertThat(Metrics.mae(y, new double[][] {{2, -3}}, 1)).isEqualTo(1.5);
    }

    @Test
    void vptStopsAtTheFirstInvalidStep() {
        double[][] truth = {{1}, {1}, {1}, {1}};
        double[][] fc = {{1}, {1.1}, {3}, {1}};
        // Steps 0 and 1 are valid (sMAPE 0 and 9.5); step 2 is not: VPT = 2 * dt * lambda.
        assertThat(Metrics.validPredictionTime(truth, fc, 0.5, 2, 30)).isCloseTo(2.0, within(1e-12));
        assertThat(Metrics.validPredictionTime(truth, truth, 0.5, 2, 30)).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void evaluatorReportsPersistenceOnLorenz() {
        double dt = LorenzData.dt(LorenzData.lorenz(), 100);
        var eval = new ForecastEvaluator(
                new EvaluationSettings(10, 8, 100, 20, dt, LorenzData.LORENZ_MAX_LYAPUNOV, 30));
        EvaluationReport r = eval.evaluate(TinyLorenz.splits().test(), new PersistenceForecaster(3), List.of());
        assertThat(r.origins()).isEqualTo(10);
        PolicyMetrics full = r.policy("full");
        assertThat(full.mse()).isPositive();
        assertThat(full.smape()).isBetween(0.0, 200.0);
        assertThat(full.medianVpt()).isBetween(0.0, 100 * dt * LorenzData.LORENZ_MAX_LYAPUNOV);
        assertThat(full.computeFraction()).isEqualTo(1.0);
        assertThat(r.singlePass()).isNull();
    }
}
