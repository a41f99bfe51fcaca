package io.chaoscast.training.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.models.ForecastResult;
import io.chaoscast.models.Forecaster;
import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.policy.ExitPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttractorEvaluationTest {

    /** A circle sampled 25 times per turn, 600 states, as one test trajectory. */
    private static double[][][] circle() {
        double[][] t = new double[600][2];
        for (int i = 0; i < t.length; i++) {
            t[i][0] = Math.cos(2 * Math.PI * i / 25);
            t[i][1] = Math.sin(2 * Math.PI * i / 25);
        }
        return new double[][][] {t};
    }

    /** Rolls out x -> growth * R x, R the circle's rotation per step. */
    private static Forecaster rotation(double growth) {
        return new Forecaster() {
            @Override
            public ForecasterSpec spec() {
                return new ForecasterSpec("rotation", 1, 2, 1, 1);
            }

            @Override
            public ForecastResult forecast(double[][][] contexts, int horizon, ExitPolicy policy) {
                double c = Math.cos(2 * Math.PI / 25);
                double s = Math.sin(2 * Math.PI / 25);
                double[][][] out = new double[contexts.length][horizon][];
                for (int r = 0; r < contexts.length; r++) {
                    double[] x = contexts[r][contexts[r].length - 1];
                    for (int k = 0; k < horizon; k++) {
                        x = new double[] {growth * (c * x[0] - s * x[1]), growth * (s * x[0] + c * x[1])};
                        out[r][k] = x;
                    }
                }
                return new ForecastResult(out, new int[contexts.length][0], new double[contexts.length][0], 0, 0);
            }
        };
    }

    @Test
    void aRolloutThatStaysOnTheAttractorGetsItsDistances() {
        Map<String, Double> m = AttractorEvaluation.metrics(rotation(1.0), circle());
        assertThat(m.get("test_attractor_bounded_fraction")).isEqualTo(1.0);
        assertThat(m.get("test_attractor_wasserstein")).isLessThan(0.05);
        assertThat(m).containsKeys("test_attractor_corrdim_error", "test_attractor_spectrum_hellinger");
    }

    @Test
    void aRolloutThatLeavesTheAttractorIsJudgedByItsBoundedFractionNotByHugeDistances() {
        // Growing 5 % a step: past 10^100 long before the end of the rollout.
        Map<String, Double> m = AttractorEvaluation.metrics(rotation(1.05), circle());
        assertThat(m.get("test_attractor_bounded_fraction")).isLessThan(0.1);
        assertThat(m).doesNotContainKeys("test_attractor_wasserstein", "test_attractor_corrdim_error");
        assertThat(m.get("test_attractor_spectrum_hellinger")).isBetween(0.0, 1.0);
    }
}
