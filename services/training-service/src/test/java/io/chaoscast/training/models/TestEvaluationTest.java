package io.chaoscast.training.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chaoscast.training.upstream.DatasetSummary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestEvaluationTest {

    private static DatasetSummary logistic(Map<String, Double> parameters, Double lyapunovTime) {
        return new DatasetSummary("d", "ready", "Logistic", parameters, 1, 100, 1, 1.0, lyapunovTime, new int[] {70, 15, 15}, "x");
    }

    @Test
    void tabulatedLyapunovTimeIsUsedAsIs() {
        assertThat(TestEvaluation.maxLyapunov(logistic(Map.of("r", 3.9), 2.0))).isEqualTo(0.5);
    }

    @Test
    void untabulatedParametersAreEstimatedAtThoseParameters() {
        // Logistic at r = 4 has exponent ln 2; the catalog default r = 3.9 has about 0.49.
        assertThat(TestEvaluation.maxLyapunov(logistic(Map.of("r", 4.0), null))).isCloseTo(Math.log(2), within(0.01));
    }
}
