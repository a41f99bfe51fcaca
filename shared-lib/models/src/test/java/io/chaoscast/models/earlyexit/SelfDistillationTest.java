package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class SelfDistillationTest {

    @Test
    void termIsTheShallowExitsMeanSquaredDistanceToTheDeepestAndAddsToTheLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            var deep = m.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            var off = deep.add(1f); // every entry 1 away
            var u = m.create(new float[] {0.5f, 0.5f});
            NDList same = new NDList(deep, deep, deep, u, u, u);
            NDList apart = new NDList(off, deep, deep, u, u, u);
            var w = m.ones(new ai.djl.ndarray.types.Shape(2));
            assertThat(SelfDistillation.term(same, w, 3).getFloat()).isZero();
            // Exit 1 is 1 away everywhere, exit 2 matches: mean over the two shallow exits = 0.5.
            assertThat(SelfDistillation.term(apart, w, 3).getFloat()).isCloseTo(0.5f, within(1e-6f));

            NDList labels = new NDList(deep, w);
            var off0 = new DeeDiffLoss(3, new LossSettings(1, 1, 1, LossSettings.LINEAR, 0.0)).evaluate(labels, apart);
            var on = new DeeDiffLoss(3, new LossSettings(1, 1, 1, LossSettings.LINEAR, 2.0)).evaluate(labels, apart);
            assertThat(on.getFloat() - off0.getFloat()).isCloseTo(1.0f, within(1e-5f));
        }
    }

    @Test
    void shallowWeightingFavoursTheFirstExitsAndSumsToOne() {
        double sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += DeeDiffLoss.exitWeight(i, 8, LossSettings.SHALLOW);
            if (i > 0) {
                assertThat(DeeDiffLoss.exitWeight(i, 8, LossSettings.SHALLOW))
                        .isLessThan(DeeDiffLoss.exitWeight(i - 1, 8, LossSettings.SHALLOW));
            }
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThatThrownBy(() -> new LossSettings(1, 1, 1, "deep-first", 0.0)).hasMessageContaining("shallow");
        assertThat(new LossSettings(1, 1, 1, null, null).distillationWeight()).isZero();
        // The copies change one field and validate like the constructor.
        assertThat(LossSettings.DEFAULT.withDistillation(2.0)).isEqualTo(new LossSettings(1, 1, 1, LossSettings.LINEAR, 2.0));
        assertThat(LossSettings.DEFAULT.withDistillation(2.0).withExitWeighting(LossSettings.SHALLOW))
                .isEqualTo(new LossSettings(1, 1, 1, LossSettings.SHALLOW, 2.0));
        assertThatThrownBy(() -> LossSettings.DEFAULT.withDistillation(101)).hasMessageContaining("distillationWeight");
    }
}
