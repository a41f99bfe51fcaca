package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.models.TinyLorenz;
import io.chaoscast.models.data.Splits;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training on the model's own rollouts (scheduled sampling over passes). */
class RolloutTrainingTest {

    @Test
    void oneTruePassGivesTheOrdinaryWindowsAndLaterPassesCarryTheModelsOwnForecast() {
        Splits s = TinyLorenz.splits();
        var outcome = EarlyExitTrainer.train(s.train(), s.validation(), TinyLorenz.ARCH, LossSettings.DEFAULT,
                new TrainingSettings(1, 64, 3e-3, 5, 2, 11L, 0, 0), ProgressListener.NONE);
        try (EarlyExitForecaster f = outcome.forecaster()) {
            EarlyExitSpec spec = f.modelSpec();
            // passes = 1: no forecast in the context; every window is a true one, encoded as WindowSet.of does.
            WindowSet plain = EarlyExitTrainer.rolloutWindows(s.train(), spec, f, 1, 50, new SplittableRandom(1));
            assertThat(plain.count).isEqualTo(50);
            WindowSet all = WindowSet.of(s.train(), spec, 1);
            assertThat(containsRow(all, plain, 0)).isTrue();
            // passes = 3: the context's last states are the model's forecast, not the truth.
            WindowSet rolled = EarlyExitTrainer.rolloutWindows(s.train(), spec, f, 3, 50, new SplittableRandom(1));
            assertThat(rolled.count).isPositive();
            assertThat(containsRow(all, rolled, 0)).isFalse();
        }
    }

    @Test
    void rolloutTrainingLowersTheMultiPassRolloutError() {
        Splits s = TinyLorenz.splits();
        var arch = new EarlyExitArchitecture(8, 3, 4, 32, 2, 2, 8, false);
        var plain = new TrainingSettings(6, 64, 3e-3, 10, 2, 11L, 0, 0.01);
        double without = validationRolloutMse(s, arch, plain);
        double with = validationRolloutMse(s, arch, plain.withRollouts(2, 0.25));
        assertThat(with).as("rollout MSE with %s, without %s", with, without).isLessThan(without);
    }

    private static double validationRolloutMse(Splits s, EarlyExitArchitecture arch, TrainingSettings settings) {
        var outcome = EarlyExitTrainer.train(s.train(), s.validation(), arch, LossSettings.DEFAULT, settings, ProgressListener.NONE);
        try (EarlyExitForecaster f = outcome.forecaster()) {
            return NoHarmBlendTest.rolloutMse(f, s.validation(), 40);
        }
    }

    private static boolean containsRow(WindowSet all, WindowSet some, int row) {
        for (int r = 0; r < all.count; r++) {
            boolean same = true;
            for (int k = 0; k < all.inputSize && same; k++) {
                same = Math.abs(all.inputs[r * all.inputSize + k] - some.inputs[row * some.inputSize + k]) < 1e-6;
            }
            for (int k = 0; k < all.outputSize && same; k++) {
                same = Math.abs(all.targets[r * all.outputSize + k] - some.targets[row * some.outputSize + k]) < 1e-4;
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
