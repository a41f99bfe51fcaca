package io.chaoscast.dynamics.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.dynamics.catalog.SystemCatalog;
import io.chaoscast.dynamics.systems.Flow;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FlowSamplerBoundsTest {

    /** Without the evaluation budget this integrates for hours; the timeout only keeps a regression from hanging the build. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void parametersFarOutOfRangeStopAtTheEvaluationBudget() {
        Flow lorenz = (Flow) SystemCatalog.standard().find("Lorenz").orElseThrow();
        double[] p = lorenz.resolveParameters(Map.of("rho", 2147483648.0));
        assertThatThrownBy(() -> new FlowSampler(IntegrationSettings.DEFAULT)
                        .sample(lorenz, p, lorenz.defaultInitialCondition(), 0, 5.0, 0.05, 100, (i, y) -> {}))
                .isInstanceOf(DivergenceException.class)
                .hasMessageContaining("Lorenz");
    }

    @Test
    void budgetCoversEveryIntervalAndSaturates() {
        assertThat(FlowSampler.maxEvaluations(0)).isEqualTo(FlowSampler.BASE_EVALUATIONS);
        assertThat(FlowSampler.maxEvaluations(10)).isEqualTo(FlowSampler.BASE_EVALUATIONS + 10 * FlowSampler.EVALUATIONS_PER_INTERVAL);
        assertThat(FlowSampler.maxEvaluations(1e12)).isEqualTo(Integer.MAX_VALUE);
    }
}
