package io.chaoscast.training.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.contracts.models.ModelHyperparameterRanges;
import io.chaoscast.models.ModelType;
import io.chaoscast.models.ModelTypes;
import io.chaoscast.models.earlyexit.EarlyExitArchitecture;
import io.chaoscast.models.earlyexit.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * The API's table of model types and ranges (shared with the results-service) against what this
 * service and the models library build: the same types, a default inside every range, and no
 * accepted value the library would refuse.
 */
class ModelHyperparameterRangesTest {

    @Test
    void theTableNamesTheLibrarysTypesAndReadsTheirOlderSpellings() {
        assertThat(ModelHyperparameterRanges.types()).containsExactlyElementsOf(ModelType.ids());
        for (ModelType t : ModelType.values()) {
            for (String alias : t.aliases()) {
                assertThat(ModelHyperparameterRanges.canonical(alias)).hasValue(t.id());
            }
        }
        assertThat(ModelHyperparameterRanges.canonical("transformer")).isEmpty();
    }

    @Test
    void everyDefaultLiesInsideItsRangeWhateverTheDataset() {
        for (ModelType t : ModelType.values()) {
            for (int dimension : new int[] {1, 3, 40}) {
                for (double pointsPerPeriod : new double[] {5, 100, 2000}) {
                    var defaults = ModelSpecs.defaults(t, dimension, pointsPerPeriod);
                    assertThat(defaults.keySet()).as(t.id())
                            .containsExactlyInAnyOrderElementsOf(
                                    ModelHyperparameterRanges.ranges(t.id()).stream().map(ModelHyperparameterRanges.Range::name).toList());
                    for (ModelHyperparameterRanges.Range r : ModelHyperparameterRanges.ranges(t.id())) {
                        assertThat(r.accepts(defaults.get(r.name())))
                                .as("%s.%s = %s, %s", t.id(), r.name(), defaults.get(r.name()), r.describe())
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theLibraryAcceptsEveryValueTheTableDoes() {
        String ee = ModelHyperparameterRanges.EARLY_EXIT;
        assertThat(ModelHyperparameterRanges.range(ee, "blocks").orElseThrow().max()).isLessThanOrEqualTo(EarlyExitArchitecture.MAX_BLOCKS);
        assertThat(ModelHyperparameterRanges.range(ee, "rolloutPasses").orElseThrow().max())
                .isLessThanOrEqualTo(TrainingSettings.MAX_ROLLOUT_PASSES);
        assertThat(ModelHyperparameterRanges.range(ee, "gradientClipNorm").orElseThrow().max())
                .isLessThanOrEqualTo(TrainingSettings.MAX_GRADIENT_CLIP_NORM);
        assertThat(ModelHyperparameterRanges.EARLY_EXIT_BASES)
                .containsExactly(EarlyExitArchitecture.BASE_NVAR, EarlyExitArchitecture.BASE_NONE);
        assertThat(ModelHyperparameterRanges.NVAR_BASE_TAPS).isEqualTo(ModelTypes.NVAR_TAPS);
        assertThat(ModelHyperparameterRanges.keys(ee)).startsWith("base").contains("contextLength", "horizon");
    }
}
