package io.chaoscast.models.skill;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.models.artifact.ModelArtifacts;
import io.chaoscast.models.baselines.NvarLibrary;
import io.chaoscast.models.baselines.RidgeStepForecaster;
import io.chaoscast.models.data.Splits;
import io.chaoscast.models.policy.ExitPolicy;
import org.junit.jupiter.api.Test;

/** The feature-library search picks the library the data's map lies in. */
class NvarLibraryTest {

    @Test
    void aSineMapGetsTrigonometricFeatures() {
        Splits s = SyntheticMaps.splits(SyntheticMaps::sineMap, new double[] {0.5, 0.5}, 2, 1500, 3L);
        var sel = NvarLibrary.select(s.train(), s.validation(), NvarLibrary.DEFAULT_CANDIDATES, 1000, 600);
        assertThat(sel.chosen().trig()).as("chosen %s, trials %s", sel.chosen(), sel.trials()).isTrue();
        assertThat(sel.model().features().trigonometric()).isTrue();
        // The polynomial libraries were tried first and lost on validation rollouts.
        assertThat(sel.trials().get(0).candidate().trig()).isFalse();
        assertThat(sel.trials().get(0).medianSteps()).isLessThan(
                sel.trials().stream().filter(t -> t.candidate().equals(sel.chosen())).findFirst().orElseThrow().medianSteps());
    }

    @Test
    void aQuadraticMapKeepsTheQuadraticLibraryAndTheChoiceSurvivesTheArtifact() {
        Splits s = SyntheticMaps.splits(SyntheticMaps::eulerLorenz, new double[] {1, 1, 20}, 2, 1500, 4L);
        var sel = NvarLibrary.select(s.train(), s.validation(), NvarLibrary.DEFAULT_CANDIDATES, 1000, 600);
        // Every library holding the map ties on validation; the simplest that does is kept.
        assertThat(sel.chosen().trig()).as("chosen %s, trials %s", sel.chosen(), sel.trials()).isFalse();
        assertThat(sel.chosen().order()).isEqualTo(2);
        assertThat(sel.trials()).hasSizeGreaterThan(1);

        RidgeStepForecaster m = sel.model();
        byte[] blob = ModelArtifacts.toBytes(m);
        // The quadratic library is what version 1 described: still written as version 1.
        assertThat(ModelArtifacts.header(blob).formatVersion()).isEqualTo(1);
        var back = (RidgeStepForecaster) ModelArtifacts.fromBytes(blob);
        assertThat(back.features()).isEqualTo(m.features());
        double[][][] ctx = {java.util.Arrays.copyOfRange(s.test()[0], 0, m.spec().contextLength())};
        assertThat(back.forecast(ctx, 20, ExitPolicy.full()).forecasts())
                .isDeepEqualTo(m.forecast(ctx, 20, ExitPolicy.full()).forecasts());
    }

    @Test
    void trigonometricAndCubicLibrariesRoundTripThroughTheArtifact() {
        Splits s = SyntheticMaps.splits(SyntheticMaps::sineMap, new double[] {0.5, 0.5}, 2, 600, 5L);
        var cands = java.util.List.of(new NvarLibrary.Candidate(2, 1, 3, true));
        RidgeStepForecaster m = NvarLibrary.select(s.train(), s.validation(), cands, 200, 0).model();
        assertThat(m.features().size()).isEqualTo(1 + 4 + 10 + 20 + 8);
        byte[] blob = ModelArtifacts.toBytes(m);
        // A version-1 reader would drop the cubic and trigonometric features: version 2.
        assertThat(ModelArtifacts.header(blob).formatVersion()).isEqualTo(2);
        var back = (RidgeStepForecaster) ModelArtifacts.fromBytes(blob);
        assertThat(back.features()).isEqualTo(m.features());
        double[][][] ctx = {java.util.Arrays.copyOfRange(s.test()[0], 0, 2)};
        assertThat(back.forecast(ctx, 10, ExitPolicy.full()).forecasts())
                .isDeepEqualTo(m.forecast(ctx, 10, ExitPolicy.full()).forecasts());
    }
}
