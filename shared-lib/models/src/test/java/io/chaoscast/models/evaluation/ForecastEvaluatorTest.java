package io.chaoscast.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.models.TinyLorenz;
import io.chaoscast.models.baselines.PersistenceForecaster;
import io.chaoscast.models.data.LorenzData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastEvaluatorTest {

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
        assertThat(full.medianVptNrmse()).isBetween(0.0, 100 * dt * LorenzData.LORENZ_MAX_LYAPUNOV);
        assertThat(full.computeFraction()).isEqualTo(1.0);
        assertThat(r.singlePass()).isNull();
    }

    @Test
    void originsAreDistinctStartsEvenWhenTheSplitHoldsFewerThanAsked() {
        // One trajectory of 8 context + 100 rollout + 4 spare states holds 5 distinct origins, not 200.
        double[][] t = new double[112][1];
        for (int i = 0; i < t.length; i++) {
            t[i][0] = i;
        }
        var eval = new ForecastEvaluator(new EvaluationSettings(200, 8, 100, 20, 0.01, 1.0, 30));
        double[][][][] o = eval.origins(new double[][][] {t});
        assertThat(o[0].length).isEqualTo(5);
        assertThat(java.util.Arrays.stream(o[0]).mapToDouble(c -> c[0][0]).distinct().count()).isEqualTo(5);
        assertThat(o[1][4][99][0]).isEqualTo(111.0);
    }
}
