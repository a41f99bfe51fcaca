package io.chaoscast.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.models.ForecasterSpec;
import io.chaoscast.models.data.Standardization;
import org.junit.jupiter.api.Test;

class ForecastInputsTest {

    private static final ForecasterSpec SPEC = new ForecasterSpec("early-exit", 2, 3, 1, 4);
    /** Training data centred on (0, 10, -5) with standard deviations (1, 2, 0.5). */
    private static final Standardization SCALE =
            new Standardization(new double[] {0, 10, -5}, new double[] {1, 2, 0.5});
    private static final ServingLimits LIMITS = new ServingLimits(1000, 100, 10, 3000, 100);

    private static double[][][] contexts(int n) {
        double[][][] c = new double[n][2][3];
        return c;
    }

    /** {@code n} contexts of {@code rows} states at the training mean. */
    private static double[][][] atMean(int n, int rows) {
        double[][][] c = new double[n][rows][];
        for (double[][] ctx : c) {
            for (int t = 0; t < rows; t++) {
                ctx[t] = SCALE.mean().clone();
            }
        }
        return c;
    }

    private static InvalidForecastException refusal(Runnable check) {
        try {
            check.run();
        } catch (InvalidForecastException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void answerLargerThanTheOutputCapIsRefusedNamingHorizonAndTheProduct() {
        ServingLimits limits = new ServingLimits(1000, 100, 10, 3000);
        assertThatCode(() -> ForecastInputs.check(SPEC, null, contexts(2), 500, limits, "contexts")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ForecastInputs.check(SPEC, null, contexts(3), 500, limits, "contexts"))
                .isInstanceOf(InvalidForecastException.class)
                .hasMessageContaining("3 contexts x horizon 500 x dimension 3 = 4500")
                .hasMessageContaining("at most 3000")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidForecastException) e).field())
                        .isEqualTo("horizon"));
    }

    @Test
    void stateFartherFromTheTrainingMeanThanTheLimitIsRefusedNamingTheValueAndTheRange() {
        double[][][] c = atMean(1, 2);
        // 100 standard deviations in every dimension, either side: accepted.
        c[0][1] = new double[] {100, 10 - 200, -5 + 50};
        assertThatCode(() -> ForecastInputs.check(SPEC, SCALE, c, 4, LIMITS, "context")).doesNotThrowAnyException();
        c[0][1][2] = -5 + 50.5; // 101 standard deviations of dimension 2
        InvalidForecastException e = refusal(() -> ForecastInputs.check(SPEC, SCALE, c, 4, LIMITS, "context"));
        assertThat(e.field()).isEqualTo("context[1][2]");
        assertThat(e.getMessage())
                .contains("context[1][2] is 45.5, 101.0 standard deviations from the mean of the data the model was"
                        + " trained on (dimension 2: mean -5.000, standard deviation 0.5000)")
                .contains("at most 100.0 are accepted, between -55.00 and 45.00")
                .contains("cannot forecast from states this far outside the range it was trained on");
        // 1e20 overflows nothing here: it is simply far out. In a batch the context is named too.
        double[][][] batch = atMean(3, 2);
        batch[2][0][0] = 1e20;
        InvalidForecastException b = refusal(() -> ForecastInputs.check(SPEC, SCALE, batch, 4, LIMITS, "contexts"));
        assertThat(b.field()).isEqualTo("contexts[2][0][0]");
        assertThat(b.getMessage()).contains("is 1.0E20, 1.000e+20 standard deviations");
        // The largest double is refused as well.
        batch[2][0][0] = 0;
        batch[2][1][1] = -Double.MAX_VALUE;
        assertThat(refusal(() -> ForecastInputs.check(SPEC, SCALE, batch, 4, LIMITS, "contexts")).field())
                .isEqualTo("contexts[2][1][1]");
    }

    @Test
    void onlyTheStatesTheModelReadsAreBoundedAndOnlyWhenItsArtifactRecordsAScale() {
        double[][][] c = atMean(1, 5); // the model reads the last 2
        c[0][2][0] = 1e6;
        assertThatCode(() -> ForecastInputs.check(SPEC, SCALE, c, 4, LIMITS, "context")).doesNotThrowAnyException();
        c[0][3][0] = 1e6;
        assertThat(refusal(() -> ForecastInputs.check(SPEC, SCALE, c, 4, LIMITS, "context")).field())
                .isEqualTo("context[3][0]");
        // Without a recorded scale only finiteness is checked.
        assertThatCode(() -> ForecastInputs.check(SPEC, null, c, 4, LIMITS, "context")).doesNotThrowAnyException();
        // Ignored states must still be finite.
        c[0][0][1] = Double.NaN;
        assertThat(refusal(() -> ForecastInputs.check(SPEC, null, c, 4, LIMITS, "context")).field())
                .isEqualTo("context[0][1]");
    }

    @Test
    void overflowedForecastIsRefusedNamingItsContextAndTheStep() {
        double[][][] ok = {{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, {{1e300, -1e300, 0}, {1, 1, 1}, {2, 2, 2}}};
        assertThatCode(() -> ForecastInputs.checkForecasts(ok, "contexts")).doesNotThrowAnyException();

        double[][][] nan = {{{1, 2, 3}, {4, Double.NaN, 6}, {Double.NaN, 8, 9}}};
        InvalidForecastException e = refusal(() -> ForecastInputs.checkForecasts(nan, "context"));
        assertThat(e.field()).isEqualTo("context");
        assertThat(e.getMessage())
                .contains("the forecast from context overflowed at step 2 of 3")
                .contains("ask for a horizon of at most 1");

        // A diverged ridge rollout is Double.MAX_VALUE, not a forecast either; the second context's.
        double[][][] max = {ok[0], {{Double.MAX_VALUE, 0, 0}, {1, 1, 1}, {2, 2, 2}}};
        InvalidForecastException m = refusal(() -> ForecastInputs.checkForecasts(max, "contexts"));
        assertThat(m.field()).isEqualTo("contexts[1]");
        assertThat(m.getMessage())
                .contains("overflowed at step 1 of 3")
                .contains("cannot forecast from these states");
        double[][][] inf = {{{Double.NEGATIVE_INFINITY, 0, 0}}};
        assertThat(refusal(() -> ForecastInputs.checkForecasts(inf, "context")).field()).isEqualTo("context");
    }
}
