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

    @Test
    void earlyExitDefaultsFollowTheDatasetsSampling() {
        // Lorenz's period is 1.5008: 100 points per period at dt 0.015008, 50 at twice that.
        var at100 = new DatasetSummary("d", "ready", "Lorenz", Map.of(), 1, 100, 3, 0.015008, null, new int[] {70, 15, 15}, "x");
        var at50 = new DatasetSummary("d", "ready", "Lorenz", Map.of(), 1, 100, 3, 0.030016, null, new int[] {70, 15, 15}, "x");
        assertThat(ModelSpecs.pointsPerPeriod(at100)).isCloseTo(100, within(1e-6));
        assertThat(ModelSpecs.pointsPerPeriod(at50)).isCloseTo(50, within(1e-6));
        assertThat(ModelSpecs.pointsPerPeriod(logistic(Map.of(), null))).isEqualTo(100);
        var h100 = ModelSpecs.hyperparameters("early-exit", 3, 100);
        var h50 = ModelSpecs.hyperparameters("early-exit", 3, 50);
        assertThat(value(h100, "contextLength")).isEqualTo(16);
        assertThat(value(h100, "horizon")).isEqualTo(10);
        assertThat(value(h50, "contextLength")).isEqualTo(8);
        assertThat(value(h50, "horizon")).isEqualTo(5);
    }

    private static double value(java.util.List<ModelSpecs.Hyper> hypers, String name) {
        return hypers.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow().defaultValue();
    }
}
