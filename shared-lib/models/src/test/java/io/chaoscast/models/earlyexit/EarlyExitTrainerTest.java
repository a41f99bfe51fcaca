package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaoscast.models.TinyLorenz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyExitTrainerTest {

    private static List<EpochProgress> train(TrainingSettings settings) {
        List<EpochProgress> seen = new ArrayList<>();
        var outcome = EarlyExitTrainer.train(
                TinyLorenz.splits().train(),
                TinyLorenz.splits().validation(),
                TinyLorenz.ARCH,
                LossSettings.DEFAULT,
                settings,
                seen::add);
        outcome.forecaster().close();
        assertThat(outcome.report().epochs()).isEqualTo(seen);
        return seen;
    }

    @Test
    void lossDecreasesOnTinyData() {
        List<EpochProgress> epochs = train(TinyLorenz.TRAINING);
        assertThat(epochs).hasSize(2);
        assertThat(epochs.get(1).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(epochs.get(1).validationForecastLoss()).isLessThan(epochs.get(0).validationForecastLoss());
        assertThat(epochs.get(1).validationExitErrors()).hasSize(TinyLorenz.ARCH.blocks());
        assertThat(epochs.get(1).elapsedSeconds()).isPositive();
    }

    @Test
    void sameSeedGivesSameLossCurve() {
        List<EpochProgress> a = train(TinyLorenz.TRAINING);
        List<EpochProgress> b = train(TinyLorenz.TRAINING);
        List<EpochProgress> other = train(TinyLorenz.TRAINING.withSeed(12L));
        for (int e = 0; e < a.size(); e++) {
            assertThat(b.get(e).trainLoss()).isEqualTo(a.get(e).trainLoss());
            assertThat(b.get(e).validationLoss()).isEqualTo(a.get(e).validationLoss());
        }
        assertThat(other.get(0).trainLoss()).isNotEqualTo(a.get(0).trainLoss());
    }

    @Test
    void theGradientLimitReachesEveryStep() {
        // Adam is blind to a gradient's scale, except against its epsilon (1e-8): gradients clipped
        // to a norm of 1e-12 move the weights by almost nothing, so the first epoch learns almost
        // nothing, while a generous limit changes no step of this tiny run's at all.
        List<EpochProgress> plain = train(TinyLorenz.TRAINING);
        List<EpochProgress> generous = train(TinyLorenz.TRAINING.withGradientClip(1_000));
        List<EpochProgress> starved = train(TinyLorenz.TRAINING.withGradientClip(1e-12));
        assertThat(generous.get(1).validationLoss()).isEqualTo(plain.get(1).validationLoss());
        assertThat(starved.get(0).validationForecastLoss()).isGreaterThan(1.5 * plain.get(0).validationForecastLoss());
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        var outcome = EarlyExitTrainer.train(
                TinyLorenz.splits().train(),
                TinyLorenz.splits().validation(),
                TinyLorenz.ARCH,
                LossSettings.DEFAULT,
                new TrainingSettings(3, 64, 3e-3, 1, 4, 3L, 0, 0),
                ProgressListener.NONE);
        outcome.forecaster().close();
        {
            var report = outcome.report();
            double best = report.epochs().stream()
                    .mapToDouble(EpochProgress::validationForecastLoss)
                    .min()
                    .orElseThrow();
            assertThat(report.epochs().get(report.bestEpoch() - 1).validationForecastLoss()).isEqualTo(best);
        }
    }
}
