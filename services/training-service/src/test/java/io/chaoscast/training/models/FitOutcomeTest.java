package io.chaoscast.training.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FitOutcomeTest {

    @Test
    void aDivergedTrainingSaysWhereItStoppedAndWhichWeightsItKeeps() {
        var fit = new ModelFitter.Fit(null, null, 28, true, 26, 28);
        assertThat(fit.outcome(30))
                .isEqualTo("training stopped at epoch 28 of 30: its losses were no longer finite; the model keeps the weights of epoch 26");
    }

    @Test
    void aTrainingThatDivergedInItsLastEpochSaysSoToo() {
        assertThat(new ModelFitter.Fit(null, null, 30, false, 29, 30).outcome(30)).startsWith("training stopped at epoch 30 of 30:");
    }

    @Test
    void aHistoryThatWentOnAfterDivergingSaysBothEpochs() {
        assertThat(new ModelFitter.Fit(null, null, 15, true, 11, 12).outcome(30))
                .isEqualTo("training stopped at epoch 15 of 30: its losses were no longer finite from epoch 12;"
                        + " the model keeps the weights of epoch 11");
    }

    @Test
    void anEarlyStopSaysWhereAndWhichWeights() {
        assertThat(new ModelFitter.Fit(null, null, 12, true, 7, 0).outcome(300))
                .isEqualTo("training stopped early after epoch 12 of 300; the model keeps the weights of epoch 7");
    }

    @Test
    void aTrainingThatRanEveryEpochNamesTheWeightsItKeeps() {
        assertThat(new ModelFitter.Fit(null, null, 30, false, 27, 0).outcome(30))
                .isEqualTo("all 30 epochs trained; the model keeps the weights of epoch 27");
    }

    @Test
    void aBaselineHasNothingToAdd() {
        assertThat(new ModelFitter.Fit(null, null, 1, false, 0, 0).outcome(1)).isNull();
    }
}
