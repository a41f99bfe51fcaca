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
}
