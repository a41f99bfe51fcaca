package io.chaoscast.inference.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.models.ForecasterSpec;
import org.junit.jupiter.api.Test;

class ForecastInputsTest {

    private static final ForecasterSpec SPEC = new ForecasterSpec("early-exit", 2, 3, 1, 4);

    private static double[][][] contexts(int n) {
        double[][][] c = new double[n][2][3];
        return c;
    }

    @Test
    void answerLargerThanTheOutputCapIsRefusedNamingHorizonAndTheProduct() {
        ServingLimits limits = new ServingLimits(1000, 100, 10, 3000);
        assertThatCode(() -> ForecastInputs.check(SPEC, contexts(2), 500, limits, "contexts")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ForecastInputs.check(SPEC, contexts(3), 500, limits, "contexts"))
                .isInstanceOf(InvalidForecastException.class)
                .hasMessageContaining("3 contexts x horizon 500 x dimension 3 = 4500")
                .hasMessageContaining("at most 3000")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidForecastException) e).field())
                        .isEqualTo("horizon"));
    }
}
