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

    /**
     * A base good enough that every rollout stays valid to the end of the validation horizon ties
     * every blend on valid steps; the error along the rollouts decides, and the base alone (weight
     * 0, tried first) no longer wins every such tie.
     */
    @Test
    void aTieOnValidStepsIsDecidedByTheRolloutError() {
        double[] full = {367, 367, 367, 367};
        var base = SearchLog.BlendTrial.of(0, new RidgeTuning.ValidSteps(full, full, new double[] {4e-8, 3e-8, 5e-8, 4e-8}),
                new RidgeTuning.ValidSteps(full, full));
        var corrected = SearchLog.BlendTrial.of(1, new RidgeTuning.ValidSteps(full, full, new double[] {6e-10, 7e-10, 5e-10, 6e-10}),
                new RidgeTuning.ValidSteps(full, full));
        assertThat(corrected.doesNoHarm()).isTrue();
        assertThat(corrected.meanError()).isCloseTo(6e-10, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(corrected.beats(base)).isTrue();
        assertThat(base.beats(corrected)).isFalse();
        // a difference at rounding level (an exact base: 3 % apart) decides nothing
        var rounding = SearchLog.BlendTrial.of(0.25, new RidgeTuning.ValidSteps(full, full, new double[] {1.39e-16, 1.39e-16, 1.39e-16, 1.39e-16}),
                new RidgeTuning.ValidSteps(full, full));
        var exact = SearchLog.BlendTrial.of(0, new RidgeTuning.ValidSteps(full, full, new double[] {1.43e-16, 1.43e-16, 1.43e-16, 1.43e-16}),
                new RidgeTuning.ValidSteps(full, full));
        assertThat(rounding.beats(exact)).isFalse();
        // more valid steps still come first, whatever the error
        double[] longer = {400, 400, 400, 400};
        var longerButRougher = SearchLog.BlendTrial.of(0.5, new RidgeTuning.ValidSteps(longer, longer, new double[] {1, 1, 1, 1}),
                new RidgeTuning.ValidSteps(full, full));
        assertThat(longerButRougher.beats(corrected)).isTrue();
        // without a measured error a tie keeps what was there
        var unmeasured = SearchLog.BlendTrial.of(0.75, new RidgeTuning.ValidSteps(full, full), new RidgeTuning.ValidSteps(full, full));
        assertThat(unmeasured.meanError()).isNaN();
        assertThat(unmeasured.beats(base)).isFalse();
        assertThat(base.beats(unmeasured)).isFalse();
    }
}
