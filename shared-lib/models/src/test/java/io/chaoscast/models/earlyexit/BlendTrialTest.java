package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.models.baselines.RidgeTuning;
import org.junit.jupiter.api.Test;

/** The no-harm rule of a blend weight, judged against the base alone on the same origins. */
class BlendTrialTest {

    private static final RidgeTuning.ValidSteps BASE = new RidgeTuning.ValidSteps(
            new double[] {10, 20, 30, 40, 50}, new double[] {12, 22, 32, 42, 52});

    @Test
    void aCorrectionBetterInBothFormsOnMostOriginsIsAllowed() {
        var steps = new RidgeTuning.ValidSteps(new double[] {15, 25, 35, 40, 45}, new double[] {14, 24, 34, 42, 50});
        var t = SearchLog.BlendTrial.of(0.5, steps, BASE);
        assertThat(t.medianSteps()).isEqualTo(35);
        assertThat(t.medianStepsNrmse()).isEqualTo(34);
        assertThat(t.longer()).isEqualTo(3);
        assertThat(t.shorter()).isEqualTo(1);
        assertThat(t.doesNoHarm()).isTrue();
    }

    @Test
    void aLongerMedianBoughtByShorteningMostRolloutsIsHarm() {
        // the median rises 30 -> 35 while three of five rollouts get shorter
        var steps = new RidgeTuning.ValidSteps(new double[] {5, 15, 35, 39, 60}, new double[] {12, 22, 32, 42, 52});
        var t = SearchLog.BlendTrial.of(0.5, steps, BASE);
        assertThat(t.medianSteps()).isGreaterThan(io.chaoscast.dynamics.metrics.Median.of(BASE.smape()));
        assertThat(t.shorter()).isEqualTo(3);
        assertThat(t.doesNoHarm()).isFalse();
    }

    @Test
    void aWinBySmapeThatLosesInAttractorUnitsIsHarm() {
        var steps = new RidgeTuning.ValidSteps(new double[] {11, 21, 31, 41, 51}, new double[] {12, 22, 31, 42, 52});
        var t = SearchLog.BlendTrial.of(0.25, steps, BASE);
        assertThat(t.shorter()).isZero();
        assertThat(t.doesNoHarm()).isFalse();
    }

    @Test
    void withoutAnAttractorScaleTheSmapeRuleDecidesAlone() {
        var base = new RidgeTuning.ValidSteps(BASE.smape(), null);
        var t = SearchLog.BlendTrial.of(0.25, new RidgeTuning.ValidSteps(new double[] {11, 21, 31, 41, 51}, null), base);
        assertThat(t.medianStepsNrmse()).isNaN();
        assertThat(t.doesNoHarm()).isTrue();
        assertThat(t.beats(SearchLog.BlendTrial.of(0, base, base))).isTrue();
    }
}
