package io.chaoscast.models.earlyexit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaoscast.models.policy.ExitPolicy;
import io.chaoscast.models.TinyLorenz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumedTrainingTest {

    private static final TrainingSettings FOUR_EPOCHS = TinyLorenz.TRAINING.withEpochs(4);

    /** Keeps the latest state in memory, as a database row would. */
    private static final class MemoryStore implements CheckpointStore {
        byte[] state;
        final List<Integer> saved = new ArrayList<>();

        @Override
        public byte[] latest() {
            return state;
        }

        @Override
        public void save(int epoch, byte[] s) {
            state = s;
            saved.add(epoch);
        }
    }

    private static EarlyExitTrainer.Outcome train(ProgressListener listener, CheckpointStore store) {
        return EarlyExitTrainer.train(
                TinyLorenz.splits().train(), TinyLorenz.splits().validation(), TinyLorenz.ARCH, LossSettings.DEFAULT,
                FOUR_EPOCHS, listener, store);
    }

    @Test
    void trainingInterruptedAfterAnEpochResumesThereAndEndsAsAnUninterruptedRun() {
        List<EpochProgress> uninterrupted = new ArrayList<>();
        var reference = train(uninterrupted::add, CheckpointStore.NONE);
        double[][] context = new double[TinyLorenz.ARCH.contextLength()][];
        for (int i = 0; i < context.length; i++) {
            context[i] = TinyLorenz.splits().validation()[0][i];
        }
        double[][][] expected = reference.forecaster().forecast(new double[][][] {context}, 8, ExitPolicy.full()).forecasts();
        reference.forecaster().close();

        MemoryStore store = new MemoryStore();
        // The process "dies" while reporting epoch 2: after the checkpoint of epoch 2 was saved.
        assertThatThrownBy(() -> train(p -> {
                    if (p.epoch() == 2) {
                        throw new IllegalStateException("killed");
                    }
                }, store))
                .hasMessage("killed");
        assertThat(store.saved).containsExactly(1, 2);

        List<EpochProgress> resumed = new ArrayList<>();
        List<Double> setUp = new ArrayList<>();
        var outcome = train(new ProgressListener() {
            @Override
            public void onSetUp(double seconds) {
                // before every epoch, the ones reported again from the checkpoint included
                assertThat(resumed).isEmpty();
                setUp.add(seconds);
            }

            @Override
            public void onEpoch(EpochProgress p) {
                resumed.add(p);
            }
        }, store);
        // What this worker spent before its epochs: not part of the checkpointed clock's epochs.
        assertThat(setUp).hasSize(1);
        assertThat(setUp.get(0)).isPositive().isLessThan(resumed.get(2).elapsedSeconds());
        assertThat(store.saved).containsExactly(1, 2, 3, 4);
        // Epochs 1 and 2 are reported again from the checkpoint, 3 and 4 are trained.
        assertThat(resumed).extracting(EpochProgress::epoch).containsExactly(1, 2, 3, 4);
        for (int e = 0; e < 4; e++) {
            assertThat(resumed.get(e).trainLoss()).as("train loss of epoch %d", e + 1).isEqualTo(uninterrupted.get(e).trainLoss());
            assertThat(resumed.get(e).validationLoss()).as("validation loss of epoch %d", e + 1)
                    .isEqualTo(uninterrupted.get(e).validationLoss());
        }
        assertThat(outcome.report().bestEpoch()).isEqualTo(reference.report().bestEpoch());
        // The training's clock goes on from the checkpoint's: the ETA of a resumed job divides it by
        // every epoch trained so far, checkpointed ones included.
        assertThat(resumed.get(2).elapsedSeconds()).isGreaterThan(resumed.get(1).elapsedSeconds());
        assertThat(outcome.forecaster().forecast(new double[][][] {context}, 8, ExitPolicy.full()).forecasts()).isDeepEqualTo(expected);
        outcome.forecaster().close();
    }

    @Test
    void trainingThatHadFinishedIsNotContinued() {
        MemoryStore store = new MemoryStore();
        train(ProgressListener.NONE, store).forecaster().close();
        List<EpochProgress> again = new ArrayList<>();
        train(again::add, store).forecaster().close();
        assertThat(store.saved).containsExactly(1, 2, 3, 4);
        assertThat(again).extracting(EpochProgress::epoch).containsExactly(1, 2, 3, 4);
    }
}
